// Small JSON objects for the demo's event data: {"key": value, ...}, built by hand because bhm_demo
// links only Poco::Foundation; the values are the demo's own (numbers, codes, dates), escaped anyway.
#pragma once

#include <cstdint>
#include <string>

namespace bhm::server::demo {

class JsonObject {
public:
    JsonObject& add(const std::string& key, const std::string& text) { return raw(key, quoted(text)); }
    JsonObject& add(const std::string& key, const char* text) { return raw(key, quoted(text)); }
    JsonObject& add(const std::string& key, std::int64_t number) { return raw(key, std::to_string(number)); }
    JsonObject& add(const std::string& key, int number) { return raw(key, std::to_string(number)); }
    JsonObject& add(const std::string& key, bool flag) { return raw(key, flag ? "true" : "false"); }
    JsonObject& raw(const std::string& key, const std::string& json) {
        body_ += (body_.empty() ? "" : ",") + quoted(key) + ":" + json;
        return *this;
    }
    std::string text() const { return "{" + body_ + "}"; }

    static std::string quoted(const std::string& text) {
        std::string out = "\"";
        for (char c : text) {
            if (c == '"' || c == '\\') {
                out += '\\';
                out += c;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
        return out + "\"";
    }

private:
    std::string body_;
};

}  // namespace bhm::server::demo
