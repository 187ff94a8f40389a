// The keep-alive client of the HTTP benchmark (see http_client.h).
#include "http_client.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace bhm::bench {

HttpClient::HttpClient(unsigned short port, int timeout_seconds) : session_("127.0.0.1", port) {
    session_.setKeepAlive(true);
    session_.setTimeout(Poco::Timespan(timeout_seconds, 0));
}

HttpReply HttpClient::send(const std::string& method, const std::string& path, const std::string& json_body,
                           const std::string& bearer) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    if (!bearer.empty()) request.set("Authorization", "Bearer " + bearer);
    if (!json_body.empty() || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(json_body.size()));
    }
    session_.sendRequest(request) << json_body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session_.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

}  // namespace bhm::bench
