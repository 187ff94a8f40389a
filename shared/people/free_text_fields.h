// The one list of free-text fields: everything staff type in their own words that goes into the
// permanent record and audit trail. Each is screened for national ID numbers (personal_data.h);
// the server does it where an entry enters the trail, so a new field is covered by adding it here.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

inline constexpr std::array<std::string_view, 13> free_text_fields{
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
};

bool is_free_text_field(std::string_view field);

// check_free_text on a field of the list; fields not in the list are not screened.
std::optional<Refusal> check_free_text_field(std::string_view field, std::string_view text);

}  // namespace bhm
