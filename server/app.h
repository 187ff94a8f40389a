// What every route and service needs from the running server: the Store,
// the Clock, the Authenticator and the unit's own policy settings. Built once in main.
#pragma once

#include "db/store.h"
#include "server/auth/authenticator.h"
#include "server/clock.h"
#include "shared/loans/delivery.h"

namespace bhm::server {

struct App {
    db::Store& store;
    const Clock& clock;
    Authenticator& auth;
    bool secure_cookies = false;   // session cookies carry Secure (served over TLS, or behind a TLS proxy)
    // The unit's own policy (BHM_SITE_CHECK_MAX_YEARS): how many years a site check counts.
    int site_check_max_years = default_site_check_max_years;
};

}  // namespace bhm::server
