// The consumables' rows (migration 0009) and the narrow record interface the consumable services use
// (issue 9: a service names only the interface it needs). Transaction inherits ConsumableRecords; the
// SQLite store implements it in db/sqlite/consumables.cpp and db/sqlite/consumable_orders.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/records.h"
#include "shared/consumables/consumable_item.h"
#include "shared/consumables/lot_status.h"

namespace bhm::db {

struct ConsumableItem {
    Id id = 0; std::string gtin, name, unit_of_issue;
    std::int64_t price_ore = 0; Payer payer = Payer::device_tied;
    std::vector<std::string> categories;
};

struct ConsumableLot {
    Id id = 0; Id unit_id = 0; Id warehouse_id = 0; Id item_id = 0;
    std::string lot; Date expiry;
    LotStatus status = LotStatus::available;   // as stored; shared/consumables/lot_status.h adds expiry by date
    std::string status_reason;
    int quantity = 0;
    Timestamp received_at;
};

// One change of a lot's status (append-only).
struct LotStatusChange {
    Id id = 0; Id lot_id = 0; LotStatus from = LotStatus::available, to = LotStatus::available;
    std::string reason; Timestamp changed_at; std::string changed_by;
};

// status: "open" | "picked" | "delivered"
struct ConsumableOrder {
    Id id = 0; Id unit_id = 0; Id case_id = 0; Id warehouse_id = 0; std::string status;
    std::optional<Id> standing_order_id;
    Timestamp created_at; std::string created_by;
    std::optional<Timestamp> delivered_at; std::string delivered_by;
};

struct ConsumableOrderLine {
    Id id = 0; Id order_id = 0; Id item_id = 0; int quantity = 0;
    std::int64_t price_ore = 0; Payer payer = Payer::device_tied;   // as when ordered
};

struct ConsumablePick {
    Id id = 0; Id line_id = 0; Id lot_id = 0; int quantity = 0; Timestamp picked_at; std::string picked_by;
};

struct StandingOrder {
    Id id = 0; Id unit_id = 0; Id case_id = 0; Id item_id = 0; int quantity = 0; int interval_days = 0;
    Date start_on; std::optional<Date> last_sent_on; bool active = true;
    Timestamp created_at; std::string created_by;
};

struct StockLevel { Id warehouse_id = 0; Id item_id = 0; int minimum = 0, maximum = 0; };

// A delivered line with its case, for the annual report's costs.
struct DeliveredConsumable {
    Id case_id = 0; std::string category; bool own_equipment = false;
    int quantity = 0; std::int64_t price_ore = 0; Payer payer = Payer::device_tied; Timestamp delivered_at;
};

class ConsumableRecords {
public:
    virtual ~ConsumableRecords() = default;

    // Catalogue. A GTIN is unique (DuplicateKey).
    virtual Id insert_consumable_item(const ConsumableItem&) = 0;
    virtual std::vector<ConsumableItem> consumable_items() = 0;
    virtual std::optional<ConsumableItem> consumable_item(Id) = 0;
    virtual std::optional<ConsumableItem> consumable_item_by_gtin(const std::string& gtin) = 0;

    // Stock by lot. A lot is unique per warehouse and item (DuplicateKey).
    virtual Id insert_lot(const ConsumableLot&) = 0;
    virtual std::optional<ConsumableLot> lot(Id) = 0;
    virtual std::optional<ConsumableLot> lot_in_warehouse(Id warehouse_id, Id item_id, const std::string& lot) = 0;
    virtual std::vector<ConsumableLot> lots_of_unit(Id unit_id, std::optional<Id> item_id) = 0;   // by expiry
    // Every lot of an item with this lot number, in any unit (a recall names GTIN and lot).
    virtual std::vector<ConsumableLot> lots_by_number(Id item_id, const std::string& lot) = 0;
    // Adds `delta` (negative to take) to the lot's quantity; std::invalid_argument if it would go below 0.
    virtual void change_lot_quantity(Id lot_id, int delta) = 0;
    // Sets the lot's status and reason and appends the change (who, when, why) in the same transaction.
    virtual void set_lot_status(Id lot_id, LotStatus status, const std::string& reason, Timestamp at,
                                const std::string& by) = 0;
    virtual std::vector<LotStatusChange> lot_status_changes(Id lot_id) = 0;   // oldest first

    // Orders for a case.
    virtual Id insert_consumable_order(const ConsumableOrder&) = 0;
    virtual void update_consumable_order(const ConsumableOrder&) = 0;   // status and delivery
    virtual std::optional<ConsumableOrder> consumable_order(Id) = 0;
    virtual std::vector<ConsumableOrder> consumable_orders_of_case(Id case_id) = 0;
    virtual Id insert_order_line(const ConsumableOrderLine&) = 0;
    virtual std::vector<ConsumableOrderLine> order_lines(Id order_id) = 0;
    virtual Id insert_pick(const ConsumablePick&) = 0;
    virtual std::vector<ConsumablePick> picks_of_line(Id line_id) = 0;
    // The last time consumables went out to each case of the unit that has had any (for the collection gap).
    virtual std::vector<std::pair<Id, Timestamp>> last_consumable_delivery_by_case(Id unit_id) = 0;
    // Lines of orders delivered within [from, to], with their case's category (annual report).
    virtual std::vector<DeliveredConsumable> consumables_delivered_between(Id unit_id, Timestamp from, Timestamp to) = 0;

    // Standing supply.
    virtual Id insert_standing_order(const StandingOrder&) = 0;
    virtual void update_standing_order(const StandingOrder&) = 0;   // last_sent_on, active
    virtual std::optional<StandingOrder> standing_order(Id) = 0;
    virtual std::vector<StandingOrder> standing_orders_of_unit(Id unit_id) = 0;   // active only
    virtual std::vector<StandingOrder> standing_orders_of_case(Id case_id) = 0;

    // Minimum and maximum per warehouse and item.
    virtual void put_stock_level(const StockLevel&) = 0;   // insert or replace
    virtual std::vector<StockLevel> stock_levels(Id warehouse_id) = 0;
};

}  // namespace bhm::db
