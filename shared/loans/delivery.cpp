// The delivery gate: procedure rules 4 (fitted and tested), 5 (site check), 7 (journal note), 11 (manual),
// the training duty under "Ansvar" and "Kvalitetsmål", and the device's own readiness. All reasons are collected.
#include "shared/loans/delivery.h"

#include "shared/catalogue/category.h"
#include "shared/core/norway_time.h"
#include "shared/inspection/iec62353.h"
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

// Addresses typed twice rarely match to the letter: compare without spaces, commas, dots and case.
std::string address_key(std::string_view address) {
    std::string key;
    for (char c : address) {
        if (c == ' ' || c == ',' || c == '.' || c == '\t') continue;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

Date oldest_allowed(Date on, int max_years) { return add_months(on, -12 * max_years); }

std::string policy_note(int max_years) {
    return "This is the unit's own policy, not the regulation's: site checks count for " + std::to_string(max_years) +
           " years (server setting " + site_check_max_years_setting + ").";
}

bool device_free_for_case(const DeliveryCheck& check) {
    if (check.device_state == DeviceState::available) return true;
    return check.device_state == DeviceState::reserved && check.reserved_for_this_case;
}

// The last inspection at or before `at` (inspections recorded later did not exist then).
std::optional<InspectionFact> inspection_as_of(const std::vector<InspectionFact>& inspections, Timestamp at) {
    std::optional<InspectionFact> last;
    for (const auto& i : inspections)
        if (i.at <= at && (!last || i.at >= last->at)) last = i;
    return last;
}

// The device and the paperwork as they stood when the delivery was made.
void check_as_of_delivery(const DeliveryCheck& check, std::vector<Refusal>& reasons) {
    const Timestamp at = *check.delivered_at;
    const Date day = local_date(at);
    const std::string when = to_iso(at);
    if (check.device_received_at > at) {
        reasons.push_back({"device_not_yet_received",
                           "This device was received on " + to_iso(check.device_received_at) +
                               ", after the delivery time " + when + ". A device cannot be delivered before it arrived.",
                           ""});
    }
    // The device was out with another patient then: two loans of one device cannot overlap. An open loan
    // is the device's current state (device_not_available says so); an ended one counts to its return.
    std::optional<Timestamp> busy_until;
    for (const auto& loan : check.device_loans)
        if (loan.returned_at && *loan.returned_at > at && (!busy_until || *loan.returned_at > *busy_until))
            busy_until = loan.returned_at;
    if (busy_until) {
        reasons.push_back({"device_on_loan_at_delivery",
                           "At the delivery time " + when + " this device was on loan to another patient; that loan "
                               "ended on " + to_iso(*busy_until) + ". A device cannot be on two loans at once.",
                           ""});
    }
    if (check.device_electrical) {
        auto then = inspection_as_of(check.inspections, at);
        if (!then || !then->passed) {
            reasons.push_back({"inspection_missing_at_delivery",
                               "At the delivery time " + when +
                                   " this device had no passed electrical-safety inspection; the inspection on record "
                                   "came later.",
                               "IEC 62353:2014"});
        } else if (inspection_due(then->next_due, day)) {
            reasons.push_back({"inspection_due_at_delivery",
                               "At the delivery date " + to_iso(day) + " this device's electrical-safety inspection was "
                               "due" + (then->next_due ? " (on " + to_iso(*then->next_due) + ")" : "") + ".",
                               "IEC 62353:2014"});
        }
    }
    if (check.journal_note_recorded && check.journal_note_written_at && *check.journal_note_written_at > at) {
        reasons.push_back({"journal_note_after_delivery",
                           "The journal note is dated " + to_iso(*check.journal_note_written_at) +
                               ", after the delivery time " + when + "; the assignment must be documented before the "
                               "device goes out.",
                           "Prosedyre pkt. 7"});
    }
    if (check.site_check_required && check.site_check_documented && check.site_check_on && *check.site_check_on > day) {
        reasons.push_back({"site_check_after_delivery",
                           "The electrical-installation check is dated " + to_iso(*check.site_check_on) +
                               ", after the delivery date " + to_iso(day) + ".",
                           site_check_source});
    }
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
    if (auto recalled = check_recall_holds(check.recall_holds)) reasons.push_back(*recalled);
    if (check.device_category != check.case_category) {
        reasons.push_back({"wrong_category",
                           "This device is in the category " + category_name(check.device_category) +
                               ", but the case is for " + category_name(check.case_category) + ".",
                           ""});
    }
    // A delivery (delivered_at set, also one made now) is judged on the inspection in force at its time,
    // below; only a pick is judged on today's state, so one fact never gives two reasons.
    if (check.device_electrical && !check.delivered_at) {
        if (!check.inspection_passed) {
            reasons.push_back({"inspection_missing",
                               "This device has no passed electrical-safety inspection.", "IEC 62353:2014"});
        } else if (inspection_due(check.inspection_due_on, check.today)) {
            reasons.push_back({"inspection_overdue",
                               check.inspection_due_on
                                   ? "This device's electrical-safety inspection is due on " +
                                         to_iso(*check.inspection_due_on) + "; inspect it again first."
                                   : "This device has no next-inspection date; inspect it again first.",
                               "IEC 62353:2014"});
        }
    }
    if (check.site_check_required && !check.site_check_documented) {
        std::string message =
            "There is no documentation that the electrical installation where the device will be used has been "
            "checked and is in order.";
        if (check.site_check_max_years > 0)
            message += " A check counts for the patient's current address and for " +
                       std::to_string(check.site_check_max_years) + " years (the unit's own setting " +
                       site_check_max_years_setting + ").";
        reasons.push_back({"site_check_missing", message, site_check_source});
    }
    if (!check.manual_included) {
        reasons.push_back({"manual_missing", "The user manual must go with the device.", "Prosedyre pkt. 11"});
    }
    if (!check.training_recorded) {
        reasons.push_back({"training_missing",
                           "Record that the patient, relatives or staff have been trained in using the device.",
                           "Prosedyre, Ansvar og Kvalitetsmål"});
    } else if (is_blank(check.trained_who)) {
        reasons.push_back({"training_not_named",
                           "Say who was trained: the patient, relatives, or staff by name.",
                           "Prosedyre, Ansvar og Kvalitetsmål"});
    }
    if (check.other_device_picked) {
        reasons.push_back({"other_device_picked",
                           "Device " + *check.other_device_picked +
                               " is picked for this case. Deliver that device, or release it first, so that it "
                               "does not stay reserved for a case that has its device.",
                           ""});
    }
    if (check.delivered_at) check_as_of_delivery(check, reasons);
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

namespace bhm {

std::optional<Refusal> check_site_check(const SiteCheck& site_check, std::string_view patient_address,
                                        int max_years, Date today) {
    if (auto refusal = check_site_check(site_check, today)) return refusal;
    if (address_key(site_check.address) != address_key(patient_address)) {
        return Refusal{"site_check_wrong_address",
                       "This site check is for another address than the patient's current one. A site check must "
                       "cover the place where the device will be used.",
                       site_check_source};
    }
    if (site_check.checked_on < oldest_allowed(today, max_years)) {
        return Refusal{"site_check_too_old",
                       "This site check is dated " + to_iso(site_check.checked_on) + ", more than " +
                           std::to_string(max_years) + " years ago. " + policy_note(max_years),
                       std::string("unit policy ") + site_check_max_years_setting};
    }
    return std::nullopt;
}

std::optional<Date> site_check_in_force(const std::vector<RecordedSiteCheck>& checks,
                                        std::string_view current_address, int max_years, Date on) {
    std::optional<Date> best;
    const Date oldest = oldest_allowed(on, max_years);
    for (const auto& recorded : checks) {
        const auto& c = recorded.check;
        if (recorded.superseded || address_key(c.address) != address_key(current_address) || c.checked_on < oldest)
            continue;
        const bool before = c.checked_on <= on;
        if (!best) { best = c.checked_on; continue; }
        const bool best_before = *best <= on;
        if ((before && !best_before) || (before == best_before && (before ? c.checked_on > *best : c.checked_on < *best)))
            best = c.checked_on;
    }
    return best;
}

}  // namespace bhm
