// Field readers: every failure is a 400 problem naming the field and what was expected.
#include "server/http/fields.h"

#include <charconv>
#include <cmath>

#include "server/http/problem.h"
#include "shared/people/personal_data.h"

namespace bhm::server {
namespace {

[[noreturn]] void wrong(const std::string& field, const std::string& expected) {
    bad_request("invalid_field", "Field '" + field + "' must be " + expected + ".");
}

bool present(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    return obj->has(field) && !obj->isNull(field);
}

}  // namespace

std::optional<std::string> optional_string(const Poco::JSON::Object::Ptr& obj, const std::string& field,
                                           std::size_t max) {
    if (!present(obj, field)) return std::nullopt;
    auto value = obj->get(field);
    if (!value.isString()) wrong(field, "a string");
    auto text = value.extract<std::string>();
    if (text.size() > max) wrong(field, "at most " + std::to_string(max) + " characters");
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) wrong(field, "text without control characters");
    return text;
}

std::optional<std::string> optional_free_text(const Poco::JSON::Object::Ptr& obj, const std::string& field,
                                              std::size_t max) {
    auto text = optional_string(obj, field, max);
    if (text)
        if (auto refusal = check_free_text(*text))
            throw ApiError(422, Refusal{refusal->code, "Field '" + field + "': " + refusal->message, refusal->rule});
    return text;
}

std::string required_free_text(const Poco::JSON::Object::Ptr& obj, const std::string& field, std::size_t max) {
    auto text = optional_free_text(obj, field, max);
    if (!text || text->empty()) bad_request("missing_field", "Field '" + field + "' is required.");
    return *text;
}

std::string required_scanned_text(const Poco::JSON::Object::Ptr& obj, const std::string& field, std::size_t max) {
    if (!present(obj, field)) bad_request("missing_field", "Field '" + field + "' is required.");
    auto value = obj->get(field);
    if (!value.isString()) wrong(field, "a string");
    auto text = value.extract<std::string>();
    if (text.empty()) bad_request("missing_field", "Field '" + field + "' is required.");
    if (text.size() > max) wrong(field, "at most " + std::to_string(max) + " characters");
    for (unsigned char c : text)
        if ((c < 0x20 && c != 0x1d && c != 0x1e && c != 0x04) || c == 0x7f)
            wrong(field, "scanned text (only the GS1 separators GS, RS and EOT may be control characters)");
    return text;
}

std::string required_string(const Poco::JSON::Object::Ptr& obj, const std::string& field, std::size_t max) {
    auto text = optional_string(obj, field, max);
    if (!text || text->empty()) bad_request("missing_field", "Field '" + field + "' is required.");
    return *text;
}

std::optional<std::int64_t> optional_int(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    if (!present(obj, field)) return std::nullopt;
    auto value = obj->get(field);
    if (value.isBoolean()) wrong(field, "a whole number");
    if (!value.isInteger()) {
        if (value.isNumeric() && !value.isString()) {
            double d = value.convert<double>();
            if (std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
        }
        wrong(field, "a whole number");
    }
    try {
        return value.convert<std::int64_t>();
    } catch (const Poco::Exception&) {
        wrong(field, "a whole number in range");
    }
}

std::int64_t required_int(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    auto value = optional_int(obj, field);
    if (!value) bad_request("missing_field", "Field '" + field + "' is required.");
    return *value;
}

std::optional<double> optional_number(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    if (!present(obj, field)) return std::nullopt;
    auto value = obj->get(field);
    if (!value.isNumeric() || value.isString() || value.isBoolean()) wrong(field, "a number");
    double d = value.convert<double>();
    if (!std::isfinite(d)) wrong(field, "a finite number");
    return d;
}

bool optional_bool(const Poco::JSON::Object::Ptr& obj, const std::string& field, bool fallback) {
    if (!present(obj, field)) return fallback;
    auto value = obj->get(field);
    if (!value.isBoolean()) wrong(field, "true or false");
    return value.convert<bool>();
}

bool required_bool(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    if (!present(obj, field)) bad_request("missing_field", "Field '" + field + "' is required.");
    return optional_bool(obj, field, false);
}

std::optional<Date> optional_date(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    auto text = optional_string(obj, field, 10);
    if (!text) return std::nullopt;
    auto date = parse_iso_date(*text);
    if (!date) wrong(field, "a date as YYYY-MM-DD");
    return date;
}

Date required_date(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    auto date = optional_date(obj, field);
    if (!date) bad_request("missing_field", "Field '" + field + "' is required.");
    return *date;
}

std::optional<Timestamp> optional_timestamp(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    auto text = optional_string(obj, field, 40);
    if (!text) return std::nullopt;
    auto time = parse_iso_timestamp(*text);
    if (!time) wrong(field, "an ISO-8601 time such as 2026-11-22T10:15:00Z");
    return time;
}

Poco::JSON::Object::Ptr optional_object(const Poco::JSON::Object::Ptr& obj, const std::string& field) {
    if (!present(obj, field)) return nullptr;
    auto value = obj->get(field);
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) wrong(field, "an object");
    return value.extract<Poco::JSON::Object::Ptr>();
}

int query_int(const std::optional<std::string>& value, const std::string& name, int fallback, int min, int max) {
    if (!value) return fallback;
    int result = 0;
    auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), result);
    if (ec != std::errc() || end != value->data() + value->size() || result < min || result > max)
        bad_request("invalid_query", "Query parameter '" + name + "' must be a whole number from " +
                                         std::to_string(min) + " to " + std::to_string(max) + ".");
    return result;
}

std::optional<Date> query_date(const std::optional<std::string>& value, const std::string& name) {
    if (!value) return std::nullopt;
    auto date = parse_iso_date(*value);
    if (!date || date->year < 2000 || date->year > 2200)
        bad_request("invalid_query", "Query parameter '" + name + "' must be a date as YYYY-MM-DD from 2000 to 2200.");
    return date;
}

}  // namespace bhm::server
