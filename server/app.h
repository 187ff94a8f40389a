// What every route and service needs from the running server: the Store,
// the Clock and the Authenticator. Built once in main and passed by reference.
#pragma once

#include "db/store.h"
#include "server/auth/authenticator.h"
#include "server/clock.h"

namespace bhm::server {

struct App {
    db::Store& store;
    const Clock& clock;
    Authenticator& auth;
    bool secure_cookies = false;   // session cookies carry Secure (served over TLS, or behind a TLS proxy)
};

}  // namespace bhm::server
