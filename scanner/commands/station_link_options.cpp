// Builds the queue, the HTTP link and the courier from the command line.
#include "scanner/commands/station_link_options.h"

#include <stdexcept>

namespace bhm::scan {

std::string queue_file_from(const Arguments& args) {
    std::string file = args.value("queue", default_queue_file);
    if (file.empty()) throw UsageError("--queue needs a file name");
    return file;
}

StationLink station_link_from(const Arguments& args) {
    const std::string server = args.value("server", "");
    if (server.empty()) throw UsageError("--server URL is needed, e.g. --server http://bhm-server:8080");
    const std::string token = option_or_env(args, "token", "BHM_STATION_TOKEN", "");
    if (token.empty()) throw UsageError("a station token is needed: --token TOKEN or BHM_STATION_TOKEN");
    const long timeout_ms = args.number("http-timeout", 1, 600).value_or(3) * 1000;

    StationLink link;
    try {
        link.server = std::make_unique<HttpServerLink>(server, token, std::chrono::milliseconds(timeout_ms));
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    link.queue = std::make_unique<ScanQueue>(queue_file_from(args));
    link.courier = std::make_unique<ScanCourier>(*link.queue, *link.server);
    return link;
}

}  // namespace bhm::scan
