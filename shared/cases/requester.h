// Who may apply for which device (the procedure's appendix, "Saksgang ... Unntak").
// The BHM unit checks this before it processes an application.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

enum class RequesterRole {
    specialist_doctor,
    private_doctor_with_agreement,
    gp,
    nursing_home_doctor,
    physiotherapist,
    specialist_physiotherapist
};
std::optional<RequesterRole> parse_requester_role(std::string_view text);  // same snake_case names
std::string to_string(RequesterRole role);

enum class Lymphoedema { none, primary, secondary };
std::optional<Lymphoedema> parse_lymphoedema(std::string_view text);  // "none","primary","secondary"
std::string to_string(Lymphoedema lymphoedema);

struct ApplicationRequest {
    RequesterRole role;
    std::string category;  // a category code from catalogue/category.h
    bool palliative = false;
    bool nebulizer_criteria_met = false;
    Lymphoedema lymphoedema = Lymphoedema::none;
};

// Refusal codes: unknown_category, palliative_needs_specialist, requester_not_allowed,
// nebulizer_criteria_not_met, lymphoedema_required.
std::optional<Refusal> check_requester_rights(const ApplicationRequest& request);

}  // namespace bhm
