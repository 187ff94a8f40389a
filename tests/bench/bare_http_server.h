// The HTTP baseline: a bare Poco HTTPServer in the benchmark's own process, on a loopback port the
// kernel picks, with one handler that reads the body and answers 200 "{}". Same server settings as
// bhm-server (keep-alive, 16 threads), so the ratio is what routing, auth, JSON and the Store add.
#pragma once

#include <Poco/Net/HTTPServer.h>

#include <memory>

namespace bhm::bench {

class BareHttpServer {
public:
    BareHttpServer();    // listening on 127.0.0.1 when constructed
    ~BareHttpServer();   // stops it, closing open connections
    BareHttpServer(const BareHttpServer&) = delete;
    BareHttpServer& operator=(const BareHttpServer&) = delete;

    unsigned short port() const { return port_; }

private:
    std::unique_ptr<Poco::Net::HTTPServer> server_;
    unsigned short port_ = 0;
};

}  // namespace bhm::bench
