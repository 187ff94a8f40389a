// The bare Poco server of the HTTP baseline (see bare_http_server.h).
#include "bare_http_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace bhm::bench {
namespace {

class EmptyJsonHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        response.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
        response.setContentType("application/json");
        response.setContentLength(2);
        response.send() << "{}";
    }
};

class EmptyJsonFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new EmptyJsonHandler;
    }
};

}  // namespace

BareHttpServer::BareHttpServer() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new EmptyJsonFactory, socket, params);
    server_->start();
}

BareHttpServer::~BareHttpServer() { server_->stopAll(true); }

}  // namespace bhm::bench
