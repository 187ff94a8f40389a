// The station's port to bhm-server: send one scan, or a batch of queued scans. The real
// one speaks HTTP/JSON (HttpServerLink); tests may put a fake behind the same interface.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "scanner/scan_event.h"
#include "scanner/server_answer.h"

namespace bhm::scan {

// The server's answer to a batch: either one answer per scan, in the scans' order, or
// one answer for the whole batch (unanswered, unauthorized, or `rejected` when the server
// would not take the batch as such and the scans should go one by one).
struct BatchAnswer {
    enum class Kind { answered, rejected, unauthorized, unanswered };
    Kind kind = Kind::unanswered;
    std::vector<ServerAnswer> results;  // answered: one per scan
    std::string problem;                // otherwise: why
};

inline constexpr std::size_t max_batch_size = 100;

class ServerLink {
public:
    virtual ~ServerLink() = default;
    virtual ServerAnswer send(const ScanEvent& scan) = 0;
    virtual BatchAnswer send_batch(const std::vector<ScanEvent>& scans) = 0;
};

// POST {server}/api/v1/scans and /api/v1/scans/batch with a Bearer station token.
class HttpServerLink : public ServerLink {
public:
    // `server` is a base URL such as http://warehouse-1:8080 (a path prefix is kept).
    // Throws std::invalid_argument for a URL that is not http:// with a host.
    HttpServerLink(const std::string& server, std::string token, std::chrono::milliseconds timeout);

    ServerAnswer send(const ScanEvent& scan) override;
    BatchAnswer send_batch(const std::vector<ScanEvent>& scans) override;

private:
    struct Reply {
        int status = 0;             // 0: no HTTP answer at all
        std::string body;
        std::string problem;        // why there was no answer
    };
    Reply post(const std::string& path, const std::string& json);

    std::string host_;
    unsigned short port_ = 80;
    std::string base_path_;
    std::string token_;
    std::chrono::milliseconds timeout_;
};

// Reads a single-scan answer (status + body) into a ServerAnswer. Exposed for tests.
ServerAnswer read_scan_answer(int status, const std::string& body);

}  // namespace bhm::scan
