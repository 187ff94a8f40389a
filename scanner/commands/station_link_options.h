// The options that connect a station to its server and its queue, shared by `listen`
// and `sync`: --server URL, --token (else $BHM_STATION_TOKEN), --queue FILE (default
// var/scan-queue.db), --http-timeout SECONDS (default 3).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanner/arguments.h"
#include "scanner/scan_courier.h"
#include "scanner/scan_queue.h"
#include "scanner/server_link.h"

namespace bhm::scan {

inline const std::vector<std::string> station_link_option_names{"server", "token", "queue", "http-timeout"};
inline constexpr const char* default_queue_file = "var/scan-queue.db";

struct StationLink {
    std::unique_ptr<ScanQueue> queue;
    std::unique_ptr<HttpServerLink> server;
    std::unique_ptr<ScanCourier> courier;
};

// Throws UsageError when --server or the token is missing or the URL is not usable.
StationLink station_link_from(const Arguments& args);

// The queue file named by --queue, or the default.
std::string queue_file_from(const Arguments& args);

}  // namespace bhm::scan
