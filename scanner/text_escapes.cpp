// Turns typed group-separator escapes into the byte a reader would send, and back for
// display; makes scan bytes safe for JSON.
#include "scanner/text_escapes.h"

#include <cstdio>

namespace bhm::scan {

namespace {
bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = text[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}
}  // namespace

std::string unescape_scan_text(std::string_view typed) {
    std::string out;
    out.reserve(typed.size());
    for (std::size_t i = 0; i < typed.size();) {
        std::string_view rest = typed.substr(i);
        if (starts_with_ci(rest, "\\x1d")) {
            out += '\x1d';
            i += 4;
        } else if (starts_with_ci(rest, "\\u001d")) {
            out += '\x1d';
            i += 6;
        } else if (starts_with_ci(rest, "<gs>")) {
            out += '\x1d';
            i += 4;
        } else if (rest.substr(0, 2) == "\\\\") {
            out += '\\';
            i += 2;
        } else {
            out += typed[i++];
        }
    }
    return out;
}

namespace {
bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (len == 0 || i + len > text.size() || (len == 2 && c < 0xc2)) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
        i += len;
    }
    return true;
}
}  // namespace

std::string as_utf8(std::string_view raw) {
    if (valid_utf8(raw)) return std::string(raw);
    std::string out;
    for (unsigned char c : raw) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xc0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    return out;
}

std::string printable(std::string_view raw) {
    std::string out;
    for (unsigned char c : raw) {
        if (c == 0x1d) {
            out += "<GS>";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "<0x%02X>", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace bhm::scan
