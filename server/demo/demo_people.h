// The people in the demo set: patients with valid (check-digit and date) but synthetic national IDs
// and obviously invented names, and the requesters whose roles may apply for each category.
#pragma once

#include <set>
#include <string>

#include "server/demo/demo_random.h"
#include "shared/core/date.h"

namespace bhm::server::demo {

struct PatientDraft {
    std::string national_id, name, address, municipality, residence;
};

// A new patient; national IDs are unique within `taken` and pass check_national_id.
PatientDraft make_patient(DemoRandom& random, std::set<std::string>& taken, const std::string& municipality,
                          const std::string& institution, bool in_institution);

// A valid 11-digit national ID for a birth date; tries individual numbers until both check digits exist.
std::string synthetic_national_id(DemoRandom& random, Date birth);

// Who applies and with which facts (the input to check_requester_rights).
struct Application {
    std::string role, hpr, name;
    bool inpatient = false, palliative = false, nebulizer_criteria_met = false;
    std::string lymphoedema = "none";
};

// A requester allowed to apply for `category` (checked with check_requester_rights; a refusal is a bug).
Application make_application(DemoRandom& random, const std::string& category);

// A specialist doctor (rule 7: writes the journal note), with a 7-digit HPR number.
Application specialist(DemoRandom& random);

}  // namespace bhm::server::demo
