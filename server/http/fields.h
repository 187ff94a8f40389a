// Typed, bounded reads of JSON body fields. A missing required field, a wrong
// type or an over-long value is a 400 that names the field, before anything is written.
#pragma once

#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "shared/core/date.h"

namespace bhm::server {

constexpr std::size_t max_text = 2000;

std::string required_string(const Poco::JSON::Object::Ptr& obj, const std::string& field, std::size_t max = max_text);
std::optional<std::string> optional_string(const Poco::JSON::Object::Ptr& obj, const std::string& field,
                                           std::size_t max = max_text);
// A barcode's raw text: may carry the GS1 separators GS/RS/EOT (0x1D, 0x1E, 0x04), no other control character.
std::string required_scanned_text(const Poco::JSON::Object::Ptr& obj, const std::string& field, std::size_t max);
// Staff's free text (notes, faults, work): like optional_string, and refused (422) when it carries
// a national ID number, since it goes into the permanent audit trail (shared/people/personal_data.h).
std::optional<std::string> optional_free_text(const Poco::JSON::Object::Ptr& obj, const std::string& field,
                                              std::size_t max = max_text);
std::string required_free_text(const Poco::JSON::Object::Ptr& obj, const std::string& field, std::size_t max = max_text);
std::int64_t required_int(const Poco::JSON::Object::Ptr& obj, const std::string& field);
std::optional<std::int64_t> optional_int(const Poco::JSON::Object::Ptr& obj, const std::string& field);
std::optional<double> optional_number(const Poco::JSON::Object::Ptr& obj, const std::string& field);
bool required_bool(const Poco::JSON::Object::Ptr& obj, const std::string& field);
bool optional_bool(const Poco::JSON::Object::Ptr& obj, const std::string& field, bool fallback);
Date required_date(const Poco::JSON::Object::Ptr& obj, const std::string& field);
std::optional<Date> optional_date(const Poco::JSON::Object::Ptr& obj, const std::string& field);
std::optional<Timestamp> optional_timestamp(const Poco::JSON::Object::Ptr& obj, const std::string& field);
Poco::JSON::Object::Ptr optional_object(const Poco::JSON::Object::Ptr& obj, const std::string& field);

// Query parameters.
int query_int(const std::optional<std::string>& value, const std::string& name, int fallback, int min, int max);
std::optional<Date> query_date(const std::optional<std::string>& value, const std::string& name);

}  // namespace bhm::server
