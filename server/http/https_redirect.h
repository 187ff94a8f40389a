// When bhm-server serves HTTPS, its plain-HTTP port (--redirect-port) only sends browsers on:
// every request is answered 308 to the same path on https://, and nothing else is served there,
// so no page, token or cookie ever travels unencrypted.
#pragma once

#include <cstdint>

#include "server/http/http_server.h"

namespace bhm::server {

class HttpsRedirect : public HttpHandler {
public:
    explicit HttpsRedirect(std::uint16_t https_port) : https_port_(https_port) {}
    std::variant<Caller, Response> screen(const RequestHead& head, const std::string& peer) override;
    Response handle(const RequestHead& head, std::string body, const std::optional<Caller>& screened,
                    const std::string& peer) override;

private:
    Response redirect(const RequestHead& head) const;
    std::uint16_t https_port_;
};

}  // namespace bhm::server
