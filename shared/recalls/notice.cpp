// Registration checks of a field safety notice: what the manufacturer's notice must say before the unit
// can act on it. The coverage's own shape is judged by shared/recalls/coverage.h.
#include "shared/recalls/notice.h"

#include "shared/core/text.h"
#include "shared/recalls/coverage.h"

namespace bhm {
namespace {

constexpr const char* fsn_rule = "Forskrift om medisinsk utstyr; DMP: korrigerende sikkerhetstiltak (FSN)";

}  // namespace

std::string to_string(RecallAction action) {
    switch (action) {
        case RecallAction::inspect: return "inspect";
        case RecallAction::modify: return "modify";
        case RecallAction::replace: return "replace";
        case RecallAction::stop_using: return "stop_using";
        case RecallAction::return_to_manufacturer: return "return";
    }
    return "inspect";
}

std::optional<RecallAction> parse_recall_action(std::string_view text) {
    for (auto a : {RecallAction::inspect, RecallAction::modify, RecallAction::replace, RecallAction::stop_using,
                   RecallAction::return_to_manufacturer})
        if (to_string(a) == text) return a;
    return std::nullopt;
}

std::string to_string(CoverageKind kind) {
    switch (kind) {
        case CoverageKind::all_serials: return "all_serials";
        case CoverageKind::serial_range: return "serial_range";
        case CoverageKind::serial_list: return "serial_list";
        case CoverageKind::lot_list: return "lot_list";
    }
    return "all_serials";
}

std::optional<CoverageKind> parse_coverage_kind(std::string_view text) {
    for (auto k : {CoverageKind::all_serials, CoverageKind::serial_range, CoverageKind::serial_list,
                   CoverageKind::lot_list})
        if (to_string(k) == text) return k;
    return std::nullopt;
}

std::vector<Refusal> check_notice(const NoticeDraft& draft, Date today) {
    std::vector<Refusal> reasons;
    if (is_blank(draft.reference))
        reasons.push_back({"recall_reference_missing", "Give the manufacturer's reference of the field safety notice.",
                           fsn_rule});
    if (is_blank(draft.user_text))
        reasons.push_back({"recall_text_missing", "Give the notice's text for the user, as the manufacturer wrote it.",
                           fsn_rule});
    if (draft.issued_on > today)
        reasons.push_back({"recall_issued_in_future", "The notice cannot be dated after today.", fsn_rule});
    if (auto refusal = check_coverage(draft.coverage)) reasons.push_back(*refusal);
    return reasons;
}

}  // namespace bhm
