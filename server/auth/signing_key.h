// Where the token signing secret lives: BHM_TOKEN_SECRET, or a key file readable by the server's
// user alone (mode 0600), made on first start. Never in the database: whoever can read the database
// or a backup of it must not be able to mint tokens. Replacing the file rotates the secret.
#pragma once

#include <string>

namespace bhm::server {

// The secret from `environment_secret` when that is set (at least 32 characters), else from the key
// file at `path`, created with a new random secret when missing. Throws std::runtime_error with a
// sentence an operator can act on (unreadable file, too short a secret).
std::string load_signing_secret(const std::string& path, const std::string& environment_secret);

}  // namespace bhm::server
