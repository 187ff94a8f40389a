// A scan from a warehouse station becomes one domain command: the code is
// parsed (shared/barcode), the device found, and the station's mode decides
// the command. Each scan id is answered once and that answer is kept, so a
// resent scan gets the same answer and is never applied twice.
#pragma once

#include <exception>
#include <vector>

#include <Poco/JSON/Object.h>

#include "server/app.h"
#include "server/services/scan_body.h"

namespace bhm::server {

struct ScanReply {
    int status = 200;                  // 200 ok; 4xx refused (409 conflict)
    Poco::JSON::Object::Ptr body;      // {"id","result":"ok",...} or problem+json with scan_id and result
};

// How one scan of handle_scans ended: a reply (ok or a kept refusal), or a failure that is not kept
// (a malformed scan, one not allowed, an id clash, an internal error), for the route to answer.
struct ScanOutcome {
    ScanReply reply;
    std::exception_ptr failure;
};

// Several scans in order, their commands committed together (one group commit), one outcome each.
// Each scan stands alone: one refused or failed leaves the others as they would be without it.
std::vector<ScanOutcome> handle_scans(App& app, const Caller& caller, const std::vector<ScanCommand>& scans);

// One scan; a failure that is not kept is thrown.
ScanReply handle_scan(App& app, const Caller& caller, const ScanCommand& scan);

}  // namespace bhm::server
