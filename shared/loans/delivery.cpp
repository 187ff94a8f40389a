// The delivery gate: procedure rules 4 (fitted and tested), 5 (site check), 7 (journal note), 11 (manual),
// the training duty under "Ansvar" and "Kvalitetsmål", and the device's own readiness. All reasons are collected.
#include "shared/loans/delivery.h"

#include "shared/catalogue/category.h"
#include "shared/core/text.h"

namespace bhm {
namespace {

constexpr const char* site_check_source = "FOR-2013-11-29-1373 § 9, jf. § 16 (Prosedyre pkt. 5)";

std::string plain(DeviceState state) {
    std::string text = to_string(state);
    for (char& c : text)
        if (c == '_') c = ' ';
    return text;
}

std::string category_name(const std::string& code) {
    const CategoryRules* category = find_category(code);
    return category ? category->name : code;
}

bool device_free_for_case(const DeliveryCheck& check) {
    if (check.device_state == DeviceState::available) return true;
    return check.device_state == DeviceState::reserved && check.reserved_for_this_case;
}

}  // namespace

std::vector<Refusal> check_delivery(const DeliveryCheck& check) {
    std::vector<Refusal> reasons;
    if (check.case_status != CaseStatus::approved) {
        reasons.push_back({"case_not_approved",
                           "The case must be approved before delivery; it is " + to_string(check.case_status) + ".",
                           ""});
    }
    if (!check.journal_note_recorded) {
        reasons.push_back({"journal_note_missing",
                           "The responsible specialist doctor has not yet documented the assignment in the patient's "
                           "record.",
                           "Prosedyre pkt. 7"});
    }
    if (!device_free_for_case(check)) {
        const bool reserved_elsewhere = check.device_state == DeviceState::reserved;
        reasons.push_back({"device_not_available",
                           reserved_elsewhere ? "This device is reserved for another case."
                                              : "This device is not available for delivery; it is " +
                                                    plain(check.device_state) + ".",
                           ""});
    }
    if (check.device_category != check.case_category) {
        reasons.push_back({"wrong_category",
                           "This device is in the category " + category_name(check.device_category) +
                               ", but the case is for " + category_name(check.case_category) + ".",
                           ""});
    }
    if (check.device_electrical) {
        if (!check.inspection_passed) {
            reasons.push_back({"inspection_missing",
                               "This device has no passed electrical-safety inspection.", "IEC 62353:2014"});
        } else if (!check.inspection_due_on || check.today > *check.inspection_due_on) {
            reasons.push_back({"inspection_overdue",
                               check.inspection_due_on
                                   ? "This device's electrical-safety inspection was due on " +
                                         to_iso(*check.inspection_due_on) + "; inspect it again first."
                                   : "This device has no next-inspection date; inspect it again first.",
                               "IEC 62353:2014"});
        }
    }
    if (check.site_check_required && !check.site_check_documented) {
        reasons.push_back({"site_check_missing",
                           "There is no documentation that the electrical installation where the device will be used "
                           "has been checked and is in order.",
                           site_check_source});
    }
    if (!check.manual_included) {
        reasons.push_back({"manual_missing", "The user manual must go with the device.", "Prosedyre pkt. 11"});
    }
    if (!check.training_recorded) {
        reasons.push_back({"training_missing",
                           "Record that the patient, relatives or staff have been trained in using the device.",
                           "Prosedyre, Ansvar og Kvalitetsmål"});
    }
    if (!check.fitted_and_tested && is_blank(check.not_fitted_reason)) {
        reasons.push_back({"not_fitted",
                           "The device must be fitted and tested before the patient goes home, or record why that "
                           "was not possible.",
                           "Prosedyre pkt. 4"});
    }
    return reasons;
}

std::optional<Refusal> check_site_check(const SiteCheck& site_check, Date today) {
    if (is_blank(site_check.documented_by) || is_blank(site_check.document_ref)) {
        return Refusal{"site_check_incomplete",
                       "Record who documented the electrical-installation check and a reference to the document.",
                       site_check_source};
    }
    if (site_check.checked_on > today) {
        return Refusal{"site_check_in_future", "The electrical-installation check cannot be dated in the future.",
                       site_check_source};
    }
    return std::nullopt;
}

}  // namespace bhm
