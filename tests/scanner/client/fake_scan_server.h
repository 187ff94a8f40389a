// A real HTTP server on a loopback port that plays bhm-server's scan endpoints for the
// client tests: applies each scan id once (idempotent, like the real one), refuses codes
// containing "REFUSE" (422) or "CONFLICT" (409), checks the Bearer token, and can be
// told to be down (503) or to answer late.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServer.h>

namespace bhm::test {

class FakeScanServer {
public:
    explicit FakeScanServer(std::string token = "station-secret");
    ~FakeScanServer();

    std::string url() const;  // http://127.0.0.1:<port>

    // Knobs, settable while running.
    std::atomic<bool> down{false};           // answer 503 to everything
    std::atomic<int> answer_delay_ms{0};     // sleep after applying, before answering
    std::atomic<int> delayed_requests{0};    // how many requests get the delay (then it stops)

    // What happened.
    int applications(const std::string& id) const;   // times the scan was applied: 0 or 1
    int deliveries(const std::string& id) const;     // times the id arrived at all
    std::vector<std::string> applied_order() const;  // ids in the order they were applied
    std::map<std::string, std::string> last_body(const std::string& id) const;  // the scan's fields
    int requests() const { return requests_; }
    int batch_requests() const { return batch_requests_; }

    // Handles one scan object; returns (HTTP status, answer JSON). Used by the handlers.
    std::pair<int, std::string> apply(const std::map<std::string, std::string>& scan);
    bool authorized(const std::string& header) const { return header == "Bearer " + token_; }
    void count_request(bool batch) {
        ++requests_;
        if (batch) ++batch_requests_;
    }
    // True if this request should be answered late (and counts it).
    bool take_delay();

private:
    std::string token_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    mutable std::mutex mutex_;
    std::map<std::string, std::pair<int, std::string>> answers_;  // id → the first answer
    std::map<std::string, int> deliveries_;
    std::map<std::string, std::map<std::string, std::string>> bodies_;
    std::vector<std::string> order_;
    std::atomic<int> requests_{0}, batch_requests_{0};
};

}  // namespace bhm::test
