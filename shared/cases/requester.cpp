// Requester rights from the procedure's appendix "Saksgang ... 3. Unntak": GPs and nursing-home doctors,
// physiotherapists and specialist physiotherapists may apply for a few categories; doctors in (or with an
// agreement with) the specialist health service for all.
#include "shared/cases/requester.h"

#include <array>
#include <utility>

#include "shared/catalogue/category.h"

namespace bhm {
namespace {

constexpr const char* exceptions_source = "Prosedyre, vedlegg Saksgang pkt. 3 (Unntak)";
constexpr const char* palliative_source = "Prosedyre pkt. 9, vedlegg Saksgang pkt. 3";

constexpr std::array<std::pair<RequesterRole, std::string_view>, 6> role_names{{
    {RequesterRole::specialist_doctor, "specialist_doctor"},
    {RequesterRole::private_doctor_with_agreement, "private_doctor_with_agreement"},
    {RequesterRole::gp, "gp"},
    {RequesterRole::nursing_home_doctor, "nursing_home_doctor"},
    {RequesterRole::physiotherapist, "physiotherapist"},
    {RequesterRole::specialist_physiotherapist, "specialist_physiotherapist"},
}};

std::string describe(RequesterRole role) {
    switch (role) {
        case RequesterRole::specialist_doctor: return "a specialist health service doctor";
        case RequesterRole::private_doctor_with_agreement: return "a private doctor with an agreement";
        case RequesterRole::gp: return "a GP";
        case RequesterRole::nursing_home_doctor: return "a nursing-home doctor";
        case RequesterRole::physiotherapist: return "a physiotherapist";
        case RequesterRole::specialist_physiotherapist: return "a specialist physiotherapist";
    }
    return "this requester";
}

Refusal not_allowed(const ApplicationRequest& request, const CategoryRules& category, std::string_view allowed) {
    return Refusal{"requester_not_allowed",
                   "An application for " + category.name + " cannot come from " + describe(request.role) +
                       ", who may apply for " + std::string(allowed) + " only.",
                   exceptions_source};
}

// GP and nursing-home doctor: oxygen (also palliative), nebulizer under the given criteria, nothing else.
std::optional<Refusal> check_gp(const ApplicationRequest& request, const CategoryRules& category) {
    if (category.code == "oxygen_concentrator") return std::nullopt;
    if (request.palliative) {
        return Refusal{"palliative_needs_specialist",
                       "For palliative care a GP or nursing-home doctor may requisition oxygen only; for " +
                           category.name +
                           " confer with the specialist health service, which then sends the application.",
                       palliative_source};
    }
    if (category.code == "nebulizer") {
        if (request.nebulizer_criteria_met) return std::nullopt;
        return Refusal{"nebulizer_criteria_not_met",
                       "A GP or nursing-home doctor may apply for a nebulizer only when the criteria for nebulizer "
                       "treatment are recorded as met.",
                       exceptions_source};
    }
    return not_allowed(request, category, "oxygen and nebulizer treatment");
}

}  // namespace

std::optional<RequesterRole> parse_requester_role(std::string_view text) {
    for (const auto& [role, name] : role_names)
        if (name == text) return role;
    return std::nullopt;
}

std::string to_string(RequesterRole role) {
    for (const auto& [candidate, name] : role_names)
        if (candidate == role) return std::string(name);
    return "unknown";
}

std::optional<Lymphoedema> parse_lymphoedema(std::string_view text) {
    if (text == "none") return Lymphoedema::none;
    if (text == "primary") return Lymphoedema::primary;
    if (text == "secondary") return Lymphoedema::secondary;
    return std::nullopt;
}

std::string to_string(Lymphoedema lymphoedema) {
    switch (lymphoedema) {
        case Lymphoedema::none: return "none";
        case Lymphoedema::primary: return "primary";
        case Lymphoedema::secondary: return "secondary";
    }
    return "unknown";
}

std::optional<Refusal> check_requester_rights(const ApplicationRequest& request) {
    const CategoryRules* category = find_category(request.category);
    if (!category) {
        return Refusal{"unknown_category", "There is no device category called \"" + request.category + "\".", ""};
    }
    switch (request.role) {
        case RequesterRole::specialist_doctor:
        case RequesterRole::private_doctor_with_agreement:  // "følger samme saksgang som spesialisthelsetjenesten"
            return std::nullopt;
        case RequesterRole::gp:
        case RequesterRole::nursing_home_doctor:
            return check_gp(request, *category);
        case RequesterRole::physiotherapist:
            if (category->code == "tens") return std::nullopt;
            return not_allowed(request, *category, "TENS devices");
        case RequesterRole::specialist_physiotherapist:
            // A registered specialist physiotherapist is also a physiotherapist, so TENS is allowed too;
            // the appendix grants compression garments for primary and secondary lymphoedema.
            if (category->code == "tens") return std::nullopt;
            if (category->code == "compression_garment") {
                if (request.lymphoedema != Lymphoedema::none) return std::nullopt;
                return Refusal{"lymphoedema_required",
                               "A specialist physiotherapist may apply for compression garments only for primary or "
                               "secondary lymphoedema; record which one.",
                               exceptions_source};
            }
            return not_allowed(request, *category, "TENS devices and compression garments");
    }
    return not_allowed(request, *category, "nothing");
}

}  // namespace bhm
