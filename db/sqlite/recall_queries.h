// The SQL of the recall store's affected-list query, named so that the store test and the bench can ask
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

}  // namespace bhm::db::sqlite_sql
