// Scan bodies: the fields of one scan, and a batch's shape, checked before any scan runs.
#include "server/services/scan_body.h"

#include <Poco/JSON/Parser.h>
#include <Poco/UUID.h>

#include <algorithm>

#include "server/http/fields.h"
#include "server/http/problem.h"

namespace bhm::server {
namespace {

Poco::JSON::Array::Ptr batch_items(const std::string& body) {
    Poco::Dynamic::Var parsed;
    try {
        Poco::JSON::Parser parser;
        parsed = parser.parse(body);
    } catch (const Poco::Exception& e) {
        bad_request("malformed_json", "The body is not valid JSON: " + e.message());
    }
    if (parsed.type() == typeid(Poco::JSON::Array::Ptr)) return parsed.extract<Poco::JSON::Array::Ptr>();
    if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) {
        auto object = parsed.extract<Poco::JSON::Object::Ptr>();
        if (object->has("scans") && object->get("scans").type() == typeid(Poco::JSON::Array::Ptr))
            return object->getArray("scans");
    }
    bad_request("invalid_field", "The body must be {\"scans\": [...]} or an array of scans.");
}

}  // namespace

ScanCommand parse_scan(const Poco::JSON::Object::Ptr& object, const Caller& caller) {
    ScanCommand scan;
    scan.id = required_string(object, "id", 64);
    Poco::UUID uuid;
    if (!uuid.tryParse(scan.id)) bad_request("invalid_field", "Field 'id' must be a UUID made by the station.");
    scan.id = uuid.toString();
    const auto mode = parse_scan_mode(required_string(object, "mode", 16));
    if (!mode)
        bad_request("invalid_field", "Field 'mode' must be one of receive, return, issue, inspect, count.");
    scan.mode = *mode;
    scan.code = required_scanned_text(object, "code", 512);
    scan.case_number = optional_string(object, "case", 64).value_or("");
    scan.scanned_at = optional_timestamp(object, "scanned_at");
    if (auto quantity = optional_int(object, "quantity")) {
        if (*quantity < 0 || *quantity > 100000)
            bad_request("invalid_field", "Field 'quantity' must be a whole number from 0 to 100000.");
        scan.quantity = static_cast<int>(*quantity);
    }
    // A station's token names the station; a logged-in user names it in the body.
    scan.station = caller.kind == Caller::Kind::station ? caller.name : optional_string(object, "station", 100).value_or("");
    return scan;
}

std::vector<ScanCommand> parse_scan_batch(const std::string& body, const Caller& caller) {
    auto items = batch_items(body);
    if (items->size() > max_scan_batch)
        fail(413, "batch_too_large", "A batch holds at most " + std::to_string(max_scan_batch) + " scans.");
    std::vector<ScanCommand> scans;
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto object = items->getObject(static_cast<unsigned>(i));
        if (!object) bad_request("invalid_field", "Scan " + std::to_string(i) + " is not an object.");
        try {
            scans.push_back(parse_scan(object, caller));
        } catch (const ApiError& e) {
            bad_request(e.refusal.code, "Scan " + std::to_string(i) + ": " + e.refusal.message);
        }
    }
    return scans;
}

}  // namespace bhm::server
