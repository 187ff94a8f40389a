// A manufacturer's field safety notice (FSN) as the unit registers it: the manufacturer's reference and date,
// the action it asks for, the text for the user, and what it covers (one GTIN with every serial, a serial
// range, a list of serials, or a list of lots). Forskrift om medisinsk utstyr and DMP require that it reaches
// every affected device and lot, so the coverage is kept exactly as the manufacturer wrote it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

enum class RecallAction { inspect, modify, replace, stop_using, return_to_manufacturer };
std::string to_string(RecallAction action);                        // "inspect" ... "stop_using", "return"
std::optional<RecallAction> parse_recall_action(std::string_view text);

enum class CoverageKind { all_serials, serial_range, serial_list, lot_list };
std::string to_string(CoverageKind kind);
std::optional<CoverageKind> parse_coverage_kind(std::string_view text);

// What a notice covers. Only the fields of its kind are used: the range ends for serial_range, `serials`
// for serial_list, `lots` for lot_list; all_serials needs only the GTIN.
struct Coverage {
    CoverageKind kind = CoverageKind::all_serials;
    std::string gtin;                       // the UDI-DI, as GTIN-14
    std::string serial_from, serial_to;     // inclusive
    std::vector<std::string> serials;
    std::vector<std::string> lots;
};

struct NoticeDraft {
    std::string reference;                  // the manufacturer's FSN reference
    Date issued_on;
    RecallAction action = RecallAction::inspect;
    std::string user_text;
    Coverage coverage;
};

// The most serials or lots one notice lists; a longer list is a range or a GTIN-wide notice.
inline constexpr std::size_t max_listed_items = 10000;

// The GTIN's form (GTIN-14, check digit) is input checked where it is read. Codes: recall_reference_missing,
// recall_text_missing, recall_issued_in_future, recall_range_invalid (ends missing, not comparable, or from after to), recall_list_empty,
// recall_list_too_long. Every failing reason is returned.
std::vector<Refusal> check_notice(const NoticeDraft& draft, Date today);

}  // namespace bhm
