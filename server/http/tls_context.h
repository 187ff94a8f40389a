// HTTPS for bhm-server: the certificate and key are loaded by Poco NetSSL (Poco::Net::Context,
// TLS 1.2 at least), and the reactor runs each connection's TLS on the context's OpenSSL SSL_CTX,
// non-blocking, on the same epoll loop as plain HTTP (Poco's SecureServerSocket would need a
// thread per connection again).
#pragma once

#include <memory>
#include <string>

#include <Poco/Net/Context.h>

typedef struct ssl_ctx_st SSL_CTX;

namespace bhm::server {

class TlsContext {
public:
    // Throws with a sentence an operator can act on when the files do not load or do not match.
    TlsContext(const std::string& certificate_file, const std::string& private_key_file);
    SSL_CTX* ssl_context() const { return context_->sslContext(); }

private:
    Poco::Net::Context::Ptr context_;
};

}  // namespace bhm::server
