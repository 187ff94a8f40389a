// Receive, issue and count for consumable packs, each one domain command in the scan's transaction.
#include "server/services/consumable_scans.h"

#include "shared/core/refusal.h"
#include "server/services/consumable_orders.h"
#include "server/services/consumable_stock.h"
#include "server/services/recalls.h"
#include "server/views/consumable_views.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

Date pack_expiry(const barcode::ParsedCode& code) {
    auto expiry = parse_iso_date(code.expiry);
    if (!expiry)
        refuse(RefusalKind::refused, "expiry_missing", "A consumable pack is received with its expiry date (GS1 AI 17) and lot (AI 10).");
    return *expiry;
}

db::ConsumableLot counted_lot(db::Transaction& tx, const Actor& actor, const db::ConsumableItem& item,
                              const std::string& lot) {
    for (const auto& l : tx.lots_by_number(item.id, lot))
        if (l.unit_id == actor.caller.unit_id) return l;
    refuse(RefusalKind::not_found, "unknown_lot", "Lot " + lot + " of " + item.name + " is not in your unit's stock.");
}

ModeResult with_lot(db::Transaction& tx, const Actor& actor, db::Id lot_id, std::string message,
                    std::optional<Refusal> warning = std::nullopt) {
    ModeResult result{std::nullopt, std::move(message), std::move(warning)};
    result.lot = lot_view(own_lot(tx, actor, lot_id), local_date(actor.now));
    return result;
}

}  // namespace

std::optional<ModeResult> run_consumable_scan(db::Transaction& tx, const Actor& actor, const ScanCommand& scan,
                                              const barcode::ParsedCode& code) {
    if (code.gtin.empty()) return std::nullopt;
    auto item = consumable_by_gtin(tx, code.gtin);
    if (!item) return std::nullopt;
    if (code.lot.empty()) refuse(RefusalKind::refused, "lot_missing", "Scan the pack's GS1 code with its lot number (AI 10).");
    const int quantity = scan.quantity.value_or(1);
    if (scan.mode == ScanMode::receive) {
        if (quantity < 1) bad_input("invalid_field", "Receive at least 1 pack.");
        auto lot = receive_pack(tx, actor, ReceivePack{code.gtin, code.lot, pack_expiry(code), quantity, std::nullopt});
        std::string message = "Received " + std::to_string(quantity) + " x " + item->name + ", lot " + lot.lot +
                              " (expires " + to_iso(lot.expiry) + "); " + std::to_string(lot.quantity) + " in stock.";
        if (auto held = check_lot_recall_holds(lot_recall_holds_of(tx, lot.id), lot.lot))
            message += " BLOCKED: " + held->message;   // as a held device's receipt says it
        return with_lot(tx, actor, lot.id, message);
    }
    if (scan.mode == ScanMode::issue) {
        if (scan.case_number.empty()) refuse(RefusalKind::refused, "case_missing", "Issue mode needs a case: scan the case slip first.");
        if (quantity < 1) bad_input("invalid_field", "Issue at least 1 pack.");
        auto c = tx.case_by_number(scan.case_number);
        if (!c || c->unit_id != actor.caller.unit_id) not_found("Case " + scan.case_number);
        auto order = issue_pack_to_case(tx, actor, *c, code.gtin, code.lot, quantity);
        auto lot = counted_lot(tx, actor, *item, code.lot);
        return with_lot(tx, actor, lot.id, "Picked " + std::to_string(quantity) + " x " + item->name + " (lot " +
                                               code.lot + ") for case " + c->number + ", order " +
                                               std::to_string(order.id) + (order.status == "picked" ? ": complete." : "."));
    }
    if (scan.mode == ScanMode::count) {
        auto lot = counted_lot(tx, actor, *item, code.lot);
        if (!scan.quantity)
            return with_lot(tx, actor, lot.id, "Lot " + lot.lot + " of " + item->name + ": " +
                                                   std::to_string(lot.quantity) + " registered. Type the number "
                                                   "counted to record a count.");
        auto count = count_lot(tx, actor, lot, *scan.quantity);
        std::optional<Refusal> warning;
        if (count.mismatch)
            warning = Refusal{"count_mismatch", "Counted " + std::to_string(count.counted) + " of lot " + lot.lot +
                                                    ", but " + std::to_string(lot.quantity) + " are registered.", ""};
        return with_lot(tx, actor, lot.id, "Counted " + std::to_string(count.counted) + " x " + item->name +
                                               " (lot " + lot.lot + ").", warning);
    }
    refuse(RefusalKind::refused, "not_for_consumables", "A consumable pack is received, issued or counted; " + std::string(to_string(scan.mode)) +
                                         " mode is for devices.");
}

}  // namespace bhm::server
