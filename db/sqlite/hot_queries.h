// The SQL of the reads that must stay fast at national scale (1,000,000 devices, 10,000,000 events): the
// overdue and due loans, the inspections due, a device's history, the filtered device list and the annual report's. Named here so
// that the store runs them and tests/db/store/hot_query_plan_test.cpp asks SQLite for their plan on the same text.
#pragma once

#include <string>

namespace bhm::db::sqlite_sql {

inline constexpr const char* device_select =
    "SELECT d.id, d.unit_id, d.model_id, d.serial, d.asset_tag, d.warehouse_id, d.location_id, d.state, d.cleaned, "
    "d.inspected, d.inspection_failed, d.inspection_due, d.reserved_case_id, d.received_at, d.version "
    "FROM devices d ";

inline constexpr const char* loan_select =
    "SELECT id, unit_id, case_id, device_id, delivered_at, due_on, handover, manual_included, training_recorded, "
    "fitted_and_tested, trained_who, not_fitted_reason, delivered_by, returned_at, end_reason FROM loans ";

inline constexpr const char* event_select =
    "SELECT id, unit_id, device_id, case_id, at, actor, station, scan_id, kind, before_state, after_state, "
    "data_json FROM events ";

// Parameters: unit id, due by (date), after due date, after id, limit (-1: all). Open loans due by the date,
// by due date then id, after the cursor; partial index loans_open_by_unit_due (0013) holds only the open ones.
inline const std::string open_loans_due_page =
    std::string(loan_select) +
    "WHERE unit_id = ? AND returned_at IS NULL AND due_on <= ? AND (due_on, id) > (?, ?) ORDER BY due_on, id LIMIT ?";

// Parameters: unit id, due by (date), after key (a date, '' before every date), after id, limit (-1: all).
// Electrical devices still in the unit's care due by the date or never inspected (no date: key ''), in key
// then id order, after the cursor. The key ifnull(inspection_due, '') is the expression index
// devices_by_unit_inspection_key (0013): one range of the index (from the cursor's key, which SQLite does not take
// from the row value alone), already in order.
inline const std::string devices_inspection_due_page =
    std::string(device_select) +
    "JOIN models m ON m.id = d.model_id JOIN categories c ON c.code = m.category "
    "WHERE d.unit_id = ?1 AND ifnull(d.inspection_due, '') <= ?2 AND ifnull(d.inspection_due, '') >= ?3 "
    "AND (ifnull(d.inspection_due, ''), d.id) > (?3, ?4) AND c.electrical = 1 AND d.state NOT IN ('retired', 'lost') "
    "ORDER BY ifnull(d.inspection_due, ''), d.id LIMIT ?5";

// Parameter: the device id. Its events in the order written (index events_by_device).
inline const std::string device_events = std::string(event_select) + "WHERE device_id = ? ORDER BY id";

// The device list with the filters given, in this parameter order: after id, [unit id], [region id], [state],
// [category], [reserved case id], limit. Index devices_by_unit_state (unit_id, state, id) for a unit's list of one
// state, devices_by_unit (0013) for all of them.
inline std::string device_list(bool unit, bool region, bool state, bool category, bool reserved_case) {
    std::string sql = std::string(device_select) +
                      "JOIN units u ON u.id = d.unit_id JOIN models m ON m.id = d.model_id WHERE d.id > ?";
    if (unit) sql += " AND d.unit_id = ?";
    if (region) sql += " AND u.region_id = ?";
    if (state) sql += " AND d.state = ?";
    if (category) sql += " AND m.category = ?";
    if (reserved_case) sql += " AND d.reserved_case_id = ?";
    return sql + " ORDER BY d.id LIMIT ?";
}

// The annual report's reads of one unit. Parameter: the unit id. Every loan of the unit's cases (index
// loans_by_case per case of the unit); the report groups them by case.
inline const std::string loans_of_unit_cases =
    std::string(loan_select) + "WHERE case_id IN (SELECT id FROM cases WHERE unit_id = ?)";

// Parameters: unit id, from, to (timestamps). The unit's devices received in [from, to] (index
// devices_by_unit_received, 0013), in no particular order: the report only adds them up.
inline const std::string devices_received_between =
    std::string(device_select) + "WHERE d.unit_id = ? AND d.received_at >= ? AND d.received_at <= ?";

}  // namespace bhm::db::sqlite_sql
