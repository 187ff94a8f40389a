// Parsing helpers for Request (ids, JSON body, query) and the JSON Response.
#include "server/http/exchange.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>

#include <charconv>
#include <sstream>

#include "server/http/problem.h"

namespace bhm::server {

db::Id Request::id_param(const std::string& name) const {
    auto it = params.find(name);
    db::Id value = 0;
    if (it != params.end()) {
        const auto& text = it->second;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && end == text.data() + text.size() && value > 0) return value;
    }
    fail(404, "not_found", "No such " + name + ": '" + (it == params.end() ? "" : it->second) + "'.");
}

Poco::JSON::Object::Ptr Request::json() const {
    if (body.empty()) bad_request("body_missing", "This request needs a JSON object as its body.");
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(body);
        if (value.type() != typeid(Poco::JSON::Object::Ptr))
            bad_request("body_not_object", "The body must be a JSON object.");
        return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
        bad_request("malformed_json", "The body is not valid JSON: " + e.message());
    }
}

std::optional<std::string> Request::query_value(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> Request::header(const std::string& lower_case_name) const {
    auto it = headers.find(lower_case_name);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

Response Response::json(const Poco::Dynamic::Var& value, int status) {
    Response r;
    r.status = status;
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(value, out);
    r.body = out.str();
    return r;
}

}  // namespace bhm::server
