// SQLite Store, consumable orders (migration 0009): orders for a case, their lines (price and payer as
// ordered), the lots picked for each line, standing orders, and the two read-outs built on delivered
// orders: the last delivery per case (collection gap) and the delivered lines of a period (annual report).
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {
namespace {

Payer payer_of(const std::string& text) {
    auto payer = parse_payer(text);
    if (!payer) throw std::runtime_error("stored payer is unknown: " + text);
    return *payer;
}

ConsumableOrder read_order(const sql::Row& row) {
    ConsumableOrder o;
    o.id = row.integer("id");
    o.unit_id = row.integer("unit_id");
    o.case_id = row.integer("case_id");
    o.warehouse_id = row.integer("warehouse_id");
    o.status = row.text("status");
    o.standing_order_id = row.optional_integer("standing_order_id");
    o.created_at = row.timestamp("created_at");
    o.created_by = row.text("created_by");
    o.delivered_at = row.optional_timestamp("delivered_at");
    o.delivered_by = row.text("delivered_by");
    return o;
}

StandingOrder read_standing(const sql::Row& row) {
    StandingOrder s;
    s.id = row.integer("id");
    s.unit_id = row.integer("unit_id");
    s.case_id = row.integer("case_id");
    s.item_id = row.integer("item_id");
    s.quantity = row.number("quantity");
    s.interval_days = row.number("interval_days");
    s.start_on = row.date("start_on");
    s.last_sent_on = row.optional_date("last_sent_on");
    s.active = row.flag("active");
    s.created_at = row.timestamp("created_at");
    s.created_by = row.text("created_by");
    return s;
}

constexpr const char* order_columns =
    "SELECT id, unit_id, case_id, warehouse_id, status, standing_order_id, created_at, created_by, delivered_at, "
    "delivered_by FROM consumable_orders ";
constexpr const char* standing_columns =
    "SELECT id, unit_id, case_id, item_id, quantity, interval_days, start_on, last_sent_on, active, created_at, "
    "created_by FROM standing_orders ";

}  // namespace

Id SqliteTransaction::insert_consumable_order(const ConsumableOrder& o) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO consumable_orders (unit_id, case_id, warehouse_id, status, standing_order_id, created_at, "
        "created_by, delivered_at, delivered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(o.unit_id, o.case_id, o.warehouse_id, o.status, o.standing_order_id, o.created_at, o.created_by,
                    o.delivered_at, o.delivered_by));
}

void SqliteTransaction::update_consumable_order(const ConsumableOrder& o) {
    sql::execute(session_, "UPDATE consumable_orders SET status = ?, delivered_at = ?, delivered_by = ? WHERE id = ?",
                 sql::params(o.status, o.delivered_at, o.delivered_by, o.id));
}

std::optional<ConsumableOrder> SqliteTransaction::consumable_order(Id id) {
    return sql::query(session_, std::string(order_columns) + "WHERE id = ?", sql::params(id))
        .first<ConsumableOrder>(read_order);
}

std::vector<ConsumableOrder> SqliteTransaction::consumable_orders_of_case(Id case_id) {
    return sql::query(session_, std::string(order_columns) + "WHERE case_id = ? ORDER BY id", sql::params(case_id))
        .map<ConsumableOrder>(read_order);
}

Id SqliteTransaction::insert_order_line(const ConsumableOrderLine& l) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO consumable_order_lines (order_id, item_id, quantity, price_ore, payer) VALUES (?, ?, ?, ?, ?) "
        "RETURNING id",
        sql::params(l.order_id, l.item_id, l.quantity, l.price_ore, to_string(l.payer)));
}

std::vector<ConsumableOrderLine> SqliteTransaction::order_lines(Id order_id) {
    return sql::query(session_,
                      "SELECT id, order_id, item_id, quantity, price_ore, payer FROM consumable_order_lines "
                      "WHERE order_id = ? ORDER BY id",
                      sql::params(order_id))
        .map<ConsumableOrderLine>([](const sql::Row& row) {
            return ConsumableOrderLine{row.integer("id"), row.integer("order_id"), row.integer("item_id"),
                                       row.number("quantity"), row.integer("price_ore"), payer_of(row.text("payer"))};
        });
}

Id SqliteTransaction::insert_pick(const ConsumablePick& p) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO consumable_picks (line_id, lot_id, quantity, picked_at, picked_by) VALUES (?, ?, ?, ?, ?) "
        "RETURNING id",
        sql::params(p.line_id, p.lot_id, p.quantity, p.picked_at, p.picked_by));
}

std::vector<ConsumablePick> SqliteTransaction::picks_of_line(Id line_id) {
    return sql::query(session_,
                      "SELECT id, line_id, lot_id, quantity, picked_at, picked_by FROM consumable_picks "
                      "WHERE line_id = ? ORDER BY id",
                      sql::params(line_id))
        .map<ConsumablePick>([](const sql::Row& row) {
            return ConsumablePick{row.integer("id"), row.integer("line_id"), row.integer("lot_id"),
                                  row.number("quantity"), row.timestamp("picked_at"), row.text("picked_by")};
        });
}

std::vector<std::pair<Id, Timestamp>> SqliteTransaction::last_consumable_delivery_by_case(Id unit_id) {
    return sql::query(session_,
                      "SELECT case_id, MAX(delivered_at) AS last_at FROM consumable_orders "
                      "WHERE unit_id = ? AND delivered_at IS NOT NULL GROUP BY case_id ORDER BY case_id",
                      sql::params(unit_id))
        .map<std::pair<Id, Timestamp>>([](const sql::Row& row) {
            return std::pair<Id, Timestamp>{row.integer("case_id"), row.timestamp("last_at")};
        });
}

std::vector<DeliveredConsumable> SqliteTransaction::consumables_delivered_between(Id unit_id, Timestamp from,
                                                                                  Timestamp to) {
    return sql::query(session_,
                      "SELECT o.case_id, c.category, c.own_equipment, l.quantity, l.price_ore, l.payer, o.delivered_at "
                      "FROM consumable_orders o JOIN consumable_order_lines l ON l.order_id = o.id "
                      "JOIN cases c ON c.id = o.case_id "
                      "WHERE o.unit_id = ? AND o.delivered_at >= ? AND o.delivered_at <= ? ORDER BY o.id, l.id",
                      sql::params(unit_id, from, to))
        .map<DeliveredConsumable>([](const sql::Row& row) {
            return DeliveredConsumable{row.integer("case_id"), row.text("category"), row.flag("own_equipment"),
                                       row.number("quantity"), row.integer("price_ore"), payer_of(row.text("payer")),
                                       row.timestamp("delivered_at")};
        });
}

Id SqliteTransaction::insert_standing_order(const StandingOrder& s) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO standing_orders (unit_id, case_id, item_id, quantity, interval_days, start_on, last_sent_on, "
        "active, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(s.unit_id, s.case_id, s.item_id, s.quantity, s.interval_days, s.start_on, s.last_sent_on, s.active,
                    s.created_at, s.created_by));
}

void SqliteTransaction::update_standing_order(const StandingOrder& s) {
    sql::execute(session_, "UPDATE standing_orders SET last_sent_on = ?, active = ? WHERE id = ?",
                 sql::params(s.last_sent_on, s.active, s.id));
}

std::optional<StandingOrder> SqliteTransaction::standing_order(Id id) {
    return sql::query(session_, std::string(standing_columns) + "WHERE id = ?", sql::params(id))
        .first<StandingOrder>(read_standing);
}

std::vector<StandingOrder> SqliteTransaction::standing_orders_of_unit(Id unit_id) {
    return sql::query(session_, std::string(standing_columns) + "WHERE unit_id = ? AND active = 1 ORDER BY id",
                      sql::params(unit_id))
        .map<StandingOrder>(read_standing);
}

std::vector<StandingOrder> SqliteTransaction::standing_orders_of_case(Id case_id) {
    return sql::query(session_, std::string(standing_columns) + "WHERE case_id = ? ORDER BY id", sql::params(case_id))
        .map<StandingOrder>(read_standing);
}

}  // namespace bhm::db
