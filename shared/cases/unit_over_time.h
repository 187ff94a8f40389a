// Which unit held a case, a loan or a device at a given time. They change unit only when a transfer is
// received, so the annual report counts each fact (a decision, a delivery, a receipt into stock, a loan's
// days) for the unit that held the record then: a receipt never changes the sending unit's figures, past
// years included, and the receiving unit counts the loan from the receipt on. Pure rules.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "shared/core/date.h"

namespace bhm {

// A received transfer of the record: at `at` it went from `from_unit` to `to_unit`.
struct UnitMove {
    Timestamp at;
    std::int64_t from_unit = 0, to_unit = 0;
};

// The unit that held the record when a fact of it happened at `at`: the sender of the first move at or after
// `at`, else `current_unit`. For facts that come before any transfer of the record (a decision, a delivery,
// a receipt into stock): one in the very second of a receipt (times are whole seconds) came before it.
// `moves` may be in any order, and may be only the moves into and out of one unit: the answer to "was it
// that unit's at `at`?" is still exact.
std::int64_t unit_at(std::int64_t current_unit, const std::vector<UnitMove>& moves, Timestamp at);

// A loan split at each of its moves (all made while it was open): one span per unit that held it, in time
// order; a move in the second of the delivery gives the sender a span of no length, the delivery itself. `begins_loan` marks the span
// that starts at the delivery, `ends_loan` the one that ends with the loan's end (none while it is open).
struct LoanSpan {
    std::int64_t unit = 0;
    Timestamp from;
    std::optional<Timestamp> to;
    bool begins_loan = false, ends_loan = false;
};
std::vector<LoanSpan> loan_spans(std::int64_t current_unit, Timestamp delivered_at,
                                 std::optional<Timestamp> returned_at, std::vector<UnitMove> moves);

}  // namespace bhm
