// The one list of free-text fields: everything staff type in their own words that goes into the
// permanent record and audit trail. Each is screened for national ID numbers (personal_data.h);
// the server does it where an entry enters the trail, so a new field is covered by adding it here.
// Names and identifiers that staff type (a tester, an instrument, a station, a serial) are here too:
// they go into the trail just the same, and a bare national ID typed there is refused like in a note.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

inline constexpr std::array<std::string_view, 24> free_text_fields{
    "grounds",            // decision grounds
    "reason",             // reasons: corrections, releases, refusals given by staff
    "correction_reason",  // why a journal note or site check was corrected
    "note",               // notes on lost/found/retired devices, own equipment
    "notes",              // inspection notes
    "fault",              // service order fault description
    "work",               // service work done
    "parts",              // parts used
    "not_fitted_reason",  // why a device went out not fitted
    "trained",            // who was trained
    "documented_by",      // who documented a site check
    "document_ref",       // the site check document's reference
    "requester_name",     // the applying doctor or therapist
    "summary",            // what a complaint says
    "result",             // a complaint step's outcome
    "why",                // why a rule was overridden or a step taken
    "tester",             // who ran an inspection
    "instrument",         // the inspection's test instrument
    "identity",           // a test instrument's identity in the register
    "station",            // a scan station's name
    "serial",             // a device's serial number as received
    "name",               // any name typed by staff
    "username",           // a login's name (it goes into every event's actor)
    "address",            // a site check's address (the place, never an ID)
};

bool is_free_text_field(std::string_view field);

// check_free_text on a field of the list; fields not in the list are not screened.
std::optional<Refusal> check_free_text_field(std::string_view field, std::string_view text);

}  // namespace bhm
