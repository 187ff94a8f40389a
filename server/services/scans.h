// A scan from a warehouse station becomes one domain command: the code is
// parsed (shared/barcode), the device found, and the station's mode decides
// the command. Each scan id is answered once and that answer is kept, so a
// resent scan gets the same answer and is never applied twice.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/app.h"
#include "server/services/scan_body.h"

namespace bhm::server {

struct ScanReply {
    int status = 200;                  // 200 ok; 4xx refused (409 conflict)
    Poco::JSON::Object::Ptr body;      // {"id","result":"ok",...} or problem+json with scan_id and result
};

ScanReply handle_scan(App& app, const Caller& caller, const ScanCommand& scan);

}  // namespace bhm::server
