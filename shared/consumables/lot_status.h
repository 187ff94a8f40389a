// A lot of a consumable in stock has one status (OpenBoxes' lot status, PR #2455): available, on hold,
// quarantined, recalled or expired. Expired also follows from the date, whatever is stored: a lot whose
// expiry date has passed is expired. Only an available lot may be picked or issued.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

enum class LotStatus { available, on_hold, quarantined, recalled, expired };

std::string to_string(LotStatus status);
std::optional<LotStatus> parse_lot_status(std::string_view text);

// The status that holds today: the stored one, or expired once the expiry date (GS1 AI 17, the last
// day of use) lies behind `today`. A recall outranks expiry, so a recalled lot is always shown as recalled.
LotStatus effective_lot_status(LotStatus stored, Date expiry, Date today);

// Why a pack of this lot may not be picked or issued today, or nothing when it may.
std::optional<Refusal> lot_pick_refusal(LotStatus stored, Date expiry, Date today, const std::string& lot);

// A pack whose expiry date has passed is not taken into stock.
std::optional<Refusal> receipt_refusal(Date expiry, Date today, const std::string& lot);

// Near expiry: usable today but expiring within `days` (the stock list highlights these).
bool near_expiry(Date expiry, Date today, int days);
inline constexpr int near_expiry_days = 60;

}  // namespace bhm
