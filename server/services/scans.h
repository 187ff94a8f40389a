// A scan from a warehouse station becomes one domain command: the code is
// parsed (shared/barcode), the device found, and the station's mode decides
// the command. Each scan id is answered once and that answer is kept, so a
// resent scan gets the same answer and is never applied twice.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/app.h"

namespace bhm::server {

struct ScanCommand {
    std::string id;            // UUID made by the station at scan time
    std::string station;
    std::string mode;          // receive | return | issue | inspect | count
    std::string code;          // raw scanned text, GS as \u001d
    std::string case_number;   // issue mode
    std::optional<Timestamp> scanned_at;
};

struct ScanReply {
    int status = 200;                  // 200 ok; 4xx refused (409 conflict)
    Poco::JSON::Object::Ptr body;      // {"id","result":"ok",...} or problem+json with scan_id and result
};

// Parses and checks one scan object from a request body (400 on malformed input).
ScanCommand parse_scan(const Poco::JSON::Object::Ptr& object, const Caller& caller);

ScanReply handle_scan(App& app, const Caller& caller, const ScanCommand& scan);

}  // namespace bhm::server
