// Loading the certificate and key once, at start.
#include "server/http/tls_context.h"

#include <Poco/Net/SSLManager.h>

#include <filesystem>
#include <stdexcept>

namespace bhm::server {

TlsContext::TlsContext(const std::string& certificate_file, const std::string& private_key_file) {
    for (const auto& file : {certificate_file, private_key_file})
        if (!std::filesystem::exists(file)) throw std::runtime_error("TLS: no file at " + file);
    Poco::Net::initializeSSL();
    Poco::Net::Context::Params params;
    params.certificateFile = certificate_file;
    params.privateKeyFile = private_key_file;
    params.verificationMode = Poco::Net::Context::VERIFY_NONE;   // clients are not asked for certificates
    params.loadDefaultCAs = false;
    try {
        context_ = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context_->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        context_->preferServerCiphers();
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("TLS: the certificate " + certificate_file + " or key " + private_key_file +
                                 " could not be used: " + e.displayText());
    }
}

}  // namespace bhm::server
