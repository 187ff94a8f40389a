// The benchmark's HTTP client: one keep-alive Poco HTTPClientSession to a loopback port, used for
// every request of a run, so the figures are per request and not per TCP connection.
#pragma once

#include <Poco/Net/HTTPClientSession.h>

#include <string>

namespace bhm::bench {

struct HttpReply {
    int status = 0;
    std::string body;
};

class HttpClient {
public:
    // 127.0.0.1 only; `timeout_seconds` per request (a national-scale report may take longer than the default).
    explicit HttpClient(unsigned short port, int timeout_seconds = 10);

    // Sends a request with an optional JSON body and bearer token; reads the whole answer.
    HttpReply send(const std::string& method, const std::string& path, const std::string& json_body = "",
                   const std::string& bearer = "");
    HttpReply post(const std::string& path, const std::string& json_body, const std::string& bearer = "") {
        return send("POST", path, json_body, bearer);
    }

private:
    Poco::Net::HTTPClientSession session_;
};

}  // namespace bhm::bench
