// SQLite Store, consumables (migration 0009): the item catalogue with its categories, lots with expiry
// and status (each status change also appended to consumable_lot_status_changes), and stock levels.
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {
namespace {

LotStatus lot_status_of(const std::string& text) {
    auto status = parse_lot_status(text);
    if (!status) throw std::runtime_error("consumable_lots.status holds an unknown status: " + text);
    return *status;
}

Payer payer_of(const std::string& text) {
    auto payer = parse_payer(text);
    if (!payer) throw std::runtime_error("stored payer is unknown: " + text);
    return *payer;
}

ConsumableItem read_item(const sql::Row& row) {
    ConsumableItem item;
    item.id = row.integer("id");
    item.gtin = row.text("gtin");
    item.name = row.text("name");
    item.unit_of_issue = row.text("unit_of_issue");
    item.price_ore = row.integer("price_ore");
    item.payer = payer_of(row.text("payer"));
    return item;
}

ConsumableLot read_lot(const sql::Row& row) {
    ConsumableLot l;
    l.id = row.integer("id");
    l.unit_id = row.integer("unit_id");
    l.warehouse_id = row.integer("warehouse_id");
    l.item_id = row.integer("item_id");
    l.lot = row.text("lot");
    l.expiry = row.date("expiry");
    l.status = lot_status_of(row.text("status"));
    l.status_reason = row.text("status_reason");
    l.quantity = row.number("quantity");
    l.received_at = row.timestamp("received_at");
    return l;
}

constexpr const char* item_columns = "SELECT id, gtin, name, unit_of_issue, price_ore, payer FROM consumable_items ";
constexpr const char* lot_columns =
    "SELECT id, unit_id, warehouse_id, item_id, lot, expiry, status, status_reason, quantity, received_at "
    "FROM consumable_lots ";

}  // namespace

static std::vector<std::string> item_categories(sql::Connection& session, Id item_id) {
    return sql::query(session, "SELECT category FROM consumable_item_categories WHERE item_id = ? ORDER BY category",
                      sql::params(item_id))
        .map<std::string>([](const sql::Row& row) { return row.text("category"); });
}

Id SqliteTransaction::insert_consumable_item(const ConsumableItem& item) {
    const Id id = sql::insert_returning_id(
        session_,
        "INSERT INTO consumable_items (gtin, name, unit_of_issue, price_ore, payer) VALUES (?, ?, ?, ?, ?) RETURNING id",
        sql::params(item.gtin, item.name, item.unit_of_issue, item.price_ore, to_string(item.payer)));
    for (const auto& category : item.categories)
        sql::execute(session_, "INSERT OR IGNORE INTO consumable_item_categories (item_id, category) VALUES (?, ?)",
                     sql::params(id, category));
    return id;
}

std::vector<ConsumableItem> SqliteTransaction::consumable_items() {
    auto items = sql::query(session_, std::string(item_columns) + "ORDER BY id").map<ConsumableItem>(read_item);
    for (auto& item : items) item.categories = item_categories(session_, item.id);
    return items;
}

std::optional<ConsumableItem> SqliteTransaction::consumable_item(Id id) {
    auto item = sql::query(session_, std::string(item_columns) + "WHERE id = ?", sql::params(id))
                    .first<ConsumableItem>(read_item);
    if (item) item->categories = item_categories(session_, item->id);
    return item;
}

std::optional<ConsumableItem> SqliteTransaction::consumable_item_by_gtin(const std::string& gtin) {
    auto item = sql::query(session_, std::string(item_columns) + "WHERE gtin = ?", sql::params(gtin))
                    .first<ConsumableItem>(read_item);
    if (item) item->categories = item_categories(session_, item->id);
    return item;
}

Id SqliteTransaction::insert_lot(const ConsumableLot& l) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO consumable_lots (unit_id, warehouse_id, item_id, lot, expiry, status, status_reason, quantity, "
        "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(l.unit_id, l.warehouse_id, l.item_id, l.lot, l.expiry, to_string(l.status), l.status_reason,
                    l.quantity, l.received_at));
}

std::optional<ConsumableLot> SqliteTransaction::lot(Id id) {
    return sql::query(session_, std::string(lot_columns) + "WHERE id = ?", sql::params(id)).first<ConsumableLot>(read_lot);
}

std::optional<ConsumableLot> SqliteTransaction::lot_in_warehouse(Id warehouse_id, Id item_id, const std::string& lot) {
    return sql::query(session_, std::string(lot_columns) + "WHERE warehouse_id = ? AND item_id = ? AND lot = ?",
                      sql::params(warehouse_id, item_id, lot))
        .first<ConsumableLot>(read_lot);
}

std::vector<ConsumableLot> SqliteTransaction::lots_of_unit(Id unit_id, std::optional<Id> item_id) {
    if (item_id)
        return sql::query(session_, std::string(lot_columns) + "WHERE unit_id = ? AND item_id = ? ORDER BY expiry, id",
                          sql::params(unit_id, *item_id))
            .map<ConsumableLot>(read_lot);
    return sql::query(session_, std::string(lot_columns) + "WHERE unit_id = ? ORDER BY item_id, expiry, id",
                      sql::params(unit_id))
        .map<ConsumableLot>(read_lot);
}

std::vector<ConsumableLot> SqliteTransaction::lots_by_number(Id item_id, const std::string& lot) {
    return sql::query(session_, std::string(lot_columns) + "WHERE item_id = ? AND lot = ? ORDER BY id",
                      sql::params(item_id, lot))
        .map<ConsumableLot>(read_lot);
}

void SqliteTransaction::change_lot_quantity(Id lot_id, int delta) {
    if (sql::execute(session_, "UPDATE consumable_lots SET quantity = quantity + ? WHERE id = ? AND quantity + ? >= 0",
                     sql::params(delta, lot_id, delta)) != 1)
        throw std::invalid_argument("lot " + std::to_string(lot_id) + " does not exist or holds too few");
}

void SqliteTransaction::set_lot_status(Id lot_id, LotStatus status, const std::string& reason, Timestamp at,
                                       const std::string& by) {
    auto current = lot(lot_id);
    if (!current) throw std::invalid_argument("lot " + std::to_string(lot_id) + " does not exist");
    sql::execute(session_, "UPDATE consumable_lots SET status = ?, status_reason = ? WHERE id = ?",
                 sql::params(to_string(status), reason, lot_id));
    sql::execute(session_,
                 "INSERT INTO consumable_lot_status_changes (lot_id, from_status, to_status, reason, changed_at, "
                 "changed_by) VALUES (?, ?, ?, ?, ?, ?)",
                 sql::params(lot_id, to_string(current->status), to_string(status), reason, at, by));
}

std::vector<LotStatusChange> SqliteTransaction::lot_status_changes(Id lot_id) {
    return sql::query(session_,
                      "SELECT id, lot_id, from_status, to_status, reason, changed_at, changed_by "
                      "FROM consumable_lot_status_changes WHERE lot_id = ? ORDER BY id",
                      sql::params(lot_id))
        .map<LotStatusChange>([](const sql::Row& row) {
            return LotStatusChange{row.integer("id"), row.integer("lot_id"), lot_status_of(row.text("from_status")),
                                   lot_status_of(row.text("to_status")), row.text("reason"),
                                   row.timestamp("changed_at"), row.text("changed_by")};
        });
}

void SqliteTransaction::put_stock_level(const StockLevel& level) {
    sql::execute(session_,
                 "INSERT INTO stock_levels (warehouse_id, item_id, minimum, maximum) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (warehouse_id, item_id) DO UPDATE SET minimum = excluded.minimum, maximum = excluded.maximum",
                 sql::params(level.warehouse_id, level.item_id, level.minimum, level.maximum));
}

std::vector<StockLevel> SqliteTransaction::stock_levels(Id warehouse_id) {
    return sql::query(session_,
                      "SELECT warehouse_id, item_id, minimum, maximum FROM stock_levels WHERE warehouse_id = ? "
                      "ORDER BY item_id",
                      sql::params(warehouse_id))
        .map<StockLevel>([](const sql::Row& row) {
            return StockLevel{row.integer("warehouse_id"), row.integer("item_id"), row.number("minimum"),
                              row.number("maximum")};
        });
}

}  // namespace bhm::db
