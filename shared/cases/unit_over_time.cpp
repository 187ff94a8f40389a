// Unit over time: a record's unit between the receipts of its transfers.
#include "shared/cases/unit_over_time.h"

#include <algorithm>

namespace bhm {

std::int64_t unit_at(std::int64_t current_unit, const std::vector<UnitMove>& moves, Timestamp at) {
    const UnitMove* next = nullptr;
    for (const auto& move : moves)
        if (move.at >= at && (!next || move.at < next->at)) next = &move;
    return next ? next->from_unit : current_unit;
}

std::vector<LoanSpan> loan_spans(std::int64_t current_unit, Timestamp delivered_at,
                                 std::optional<Timestamp> returned_at, std::vector<UnitMove> moves) {
    std::sort(moves.begin(), moves.end(), [](const UnitMove& a, const UnitMove& b) { return a.at < b.at; });
    std::vector<LoanSpan> spans;
    Timestamp from = delivered_at;
    for (const auto& move : moves) {
        if (move.at < delivered_at || (returned_at && move.at > *returned_at)) continue;   // not this loan's
        spans.push_back(LoanSpan{move.from_unit, from, move.at, spans.empty(), false});
        from = move.at;
    }
    spans.push_back(LoanSpan{current_unit, from, returned_at, spans.empty(), returned_at.has_value()});
    return spans;
}

}  // namespace bhm
