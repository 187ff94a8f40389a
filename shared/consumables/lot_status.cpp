// Lot status and the pick rule: the one place that says which lots may leave the warehouse.
#include "shared/consumables/lot_status.h"

namespace bhm {

std::string to_string(LotStatus status) {
    switch (status) {
        case LotStatus::available: return "available";
        case LotStatus::on_hold: return "on_hold";
        case LotStatus::quarantined: return "quarantined";
        case LotStatus::recalled: return "recalled";
        case LotStatus::expired: return "expired";
    }
    return "available";
}

std::optional<LotStatus> parse_lot_status(std::string_view text) {
    for (auto s : {LotStatus::available, LotStatus::on_hold, LotStatus::quarantined, LotStatus::recalled,
                   LotStatus::expired})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

LotStatus effective_lot_status(LotStatus stored, Date expiry, Date today) {
    if (stored == LotStatus::recalled) return stored;
    if (today > expiry) return LotStatus::expired;
    return stored;
}

std::optional<Refusal> lot_pick_refusal(LotStatus stored, Date expiry, Date today, const std::string& lot) {
    switch (effective_lot_status(stored, expiry, today)) {
        case LotStatus::available: return std::nullopt;
        case LotStatus::expired:
            return Refusal{"lot_expired", "Lot " + lot + " expired on " + to_iso(expiry) +
                                              "; it may not be issued. Take it out of stock.", ""};
        case LotStatus::recalled:
            return Refusal{"lot_recalled", "Lot " + lot + " is recalled by the manufacturer; it may not be issued. "
                                           "Keep it apart for the recall.", ""};
        case LotStatus::on_hold:
            return Refusal{"lot_on_hold", "Lot " + lot + " is on hold; it may not be issued until it is released.", ""};
        case LotStatus::quarantined:
            return Refusal{"lot_quarantined", "Lot " + lot + " is in quarantine; it may not be issued.", ""};
    }
    return std::nullopt;
}

std::optional<Refusal> receipt_refusal(Date expiry, Date today, const std::string& lot) {
    if (today <= expiry) return std::nullopt;
    return Refusal{"pack_expired", "Lot " + lot + " expired on " + to_iso(expiry) +
                                       "; an expired pack is not taken into stock.", ""};
}

bool near_expiry(Date expiry, Date today, int days) {
    return today <= expiry && days_between(today, expiry) <= days;
}

}  // namespace bhm
