// Makes scan events (UUID v4 from Poco::UUIDGenerator, UTC timestamp) and their JSON body.
#include "scanner/scan_event.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <Poco/UUIDGenerator.h>

#include "scanner/text_escapes.h"

namespace bhm::scan {

ScanEvent make_scan_event(std::string station, std::string mode, std::string code,
                          std::string case_number, std::optional<int> quantity) {
    ScanEvent scan;
    scan.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    scan.station = std::move(station);
    scan.mode = std::move(mode);
    scan.code = std::move(code);
    scan.case_number = std::move(case_number);
    scan.quantity = quantity;
    scan.scanned_at =
        Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
    return scan;
}

Poco::JSON::Object::Ptr to_json(const ScanEvent& scan) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    body->set("id", scan.id);
    body->set("station", as_utf8(scan.station));
    body->set("mode", scan.mode);
    body->set("code", as_utf8(scan.code));
    if (!scan.case_number.empty()) body->set("case", scan.case_number);
    body->set("scanned_at", scan.scanned_at);
    if (scan.quantity) body->set("quantity", *scan.quantity);
    return body;
}

}  // namespace bhm::scan
