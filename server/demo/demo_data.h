// The demo data set: four regions with one BHM unit each, staff users, a scan station, models for
// every category and a few hundred devices, patients, cases and loans in every state, all consistent
// with the domain rules and each change in the event log. Loaded once; the same set on every run.
#pragma once

#include <string>
#include <vector>

#include "db/store.h"

namespace bhm::server {

struct DemoUser {
    std::string username, role, unit_code;
};

struct DemoSummary {
    std::vector<DemoUser> users;
    std::string password;
    std::string station_name, station_token;  // the token only on the first load (only its hash is kept)
    int devices = 0, patients = 0, cases = 0, open_loans = 0, overdue_loans = 0;
    bool already_loaded = false;              // true when this call found the set loaded and added nothing
    std::string note;                         // what the caller should tell the user about this load
};

// Loads the demo set once, in one transaction: the setting 'demo_loaded' marks it, and a later call
// adds nothing and returns the stored summary with an empty station token and a note saying so.
// Dates are spread around `now` (loans overdue and due soon, inspections due) and the content is
// fixed by a constant seed, so the same `now` gives the same set.
DemoSummary load_demo_data(db::Store& store, Timestamp now, const std::string& password);

}  // namespace bhm::server
