// The SQL of the recall store's affected-list queries (devices, stock lots, picks from them), named so that the store test and the bench can ask
// SQLite for its plan (EXPLAIN QUERY PLAN) on exactly the text the store runs.
#pragma once

namespace bhm::db::sqlite_sql {

// One parameter: the notice id. Each join goes by a primary key or by the one-open-loan-per-device index.
inline constexpr const char* recall_affected_devices =
    "SELECT rd.device_id, d.asset_tag, d.serial, m.name AS model_name, d.state, "
    "w.name AS warehouse, l.code AS location, d.reserved_case_id, rc.number AS reserved_case_number, "
    "lo.id AS loan_id, lo.delivered_at, c.id AS loan_case_id, c.number AS loan_case_number, "
    "p.id AS patient_id, p.municipality, p.address, p.residence, "
    "rd.added_how, rd.done_at, rd.done_by, rd.note "
    "FROM recall_devices rd "
    "JOIN devices d ON d.id = rd.device_id "
    "JOIN models m ON m.id = d.model_id "
    "LEFT JOIN warehouses w ON w.id = d.warehouse_id "
    "LEFT JOIN locations l ON l.id = d.location_id "
    "LEFT JOIN cases rc ON rc.id = d.reserved_case_id "
    "LEFT JOIN loans lo ON lo.device_id = d.id AND lo.returned_at IS NULL "
    "LEFT JOIN cases c ON c.id = lo.case_id "
    "LEFT JOIN patients p ON p.id = c.patient_id "
    "WHERE rd.notice_id = ? ORDER BY rd.device_id";

// One parameter: the notice id. The covered stock lots (primary key recall_stock_lots(notice_id, lot_id)) with
// item, warehouse and what is left, each joined by its primary key.
inline constexpr const char* recall_affected_lots =
    "SELECT rs.lot_id, i.gtin, i.name AS item_name, cl.lot, cl.expiry, cl.status, cl.warehouse_id, "
    "w.name AS warehouse, cl.quantity, rs.added_how, rs.done_at, rs.done_by, rs.note "
    "FROM recall_stock_lots rs "
    "JOIN consumable_lots cl ON cl.id = rs.lot_id "
    "JOIN consumable_items i ON i.id = cl.item_id "
    "JOIN warehouses w ON w.id = cl.warehouse_id "
    "WHERE rs.notice_id = ? ORDER BY rs.lot_id";

// One parameter: the notice id. Every pick from a covered stock lot (index consumable_picks_by_lot) with its
// order, case and the case's patient, each joined by its primary key.
inline constexpr const char* recall_lot_issues =
    "SELECT pk.lot_id, cl.lot, o.id AS order_id, o.status AS order_status, pk.quantity, pk.picked_at, "
    "o.delivered_at, c.id AS case_id, c.number AS case_number, p.id AS patient_id, p.municipality, p.address, "
    "p.residence "
    "FROM recall_stock_lots rs "
    "JOIN consumable_lots cl ON cl.id = rs.lot_id "
    "JOIN consumable_picks pk ON pk.lot_id = rs.lot_id "
    "JOIN consumable_order_lines ol ON ol.id = pk.line_id "
    "JOIN consumable_orders o ON o.id = ol.order_id "
    "JOIN cases c ON c.id = o.case_id "
    "JOIN patients p ON p.id = c.patient_id "
    "WHERE rs.notice_id = ? ORDER BY pk.lot_id, pk.id";

}  // namespace bhm::db::sqlite_sql
