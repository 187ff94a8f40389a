// A scan's content as the JSON object `parse`, `listen --print` and `decode` print:
//   {"symbology":"]d2","scheme":"gs1","gtin":"...","serial":"...","expiry":"YYYY-MM-DD","ais":{...}}
// or {"error":"...","at":<byte offset>} when the content cannot be parsed; plus a short
// human summary for the station's screen lines.
#pragma once

#include <string>
#include <string_view>

#include <Poco/JSON/Object.h>

namespace bhm::scan {

struct ScanDescription {
    Poco::JSON::Object::Ptr json;  // key order preserved
    bool ok = false;               // false: json is the {"error","at"} object
};

ScanDescription describe_scan(std::string_view raw);

// e.g. "GTIN 09506000134352 SN 123 LOT ABC", "asset BHM0000123X", "HIBC A123PROD1", "text ..."
std::string code_summary(std::string_view raw);

// One line of JSON, no trailing newline.
std::string to_line(const Poco::JSON::Object::Ptr& json);

}  // namespace bhm::scan
