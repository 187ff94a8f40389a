// The web pages (server/web/) served at "/" on the API's port: embedded into the binary at
// configure time so bhm-server needs no files at run time, or read from a folder (--web-root)
// while pages are being written. Paths under /api/ are never files.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "server/http/exchange.h"

namespace bhm::server {

class WebFiles {
public:
    static WebFiles embedded();                            // what server/web/ held at build time
    static WebFiles from_folder(const std::string& root);  // read on every request

    // The file for a GET path ("/" is /index.html), with its content type; nullopt when there is none.
    std::optional<Response> get(const std::string& path) const;

private:
    std::string root_;                              // "" for the embedded files
    const std::map<std::string, std::string>* files_ = nullptr;   // path ("/index.html") → bytes
};

}  // namespace bhm::server
