// SQLite Store, recalls (migrations 0010_recalls, 0011_recall_stock_lots): field safety notices with their serial
// and lot lists, the covered devices and stock lots with their action records, holds by device and by lot, and
// the affected lists.
#include <memory>
#include <stdexcept>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include "db/sql_row.h"
#include "db/sqlite/recall_queries.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {
namespace {

constexpr const char* notice_columns =
    "SELECT id, unit_id, reference, issued_on, action, user_text, gtin, model_id, coverage, serial_from, serial_to, "
    "registered_at, registered_by, closed_at FROM recall_notices ";

RecallNotice read_notice(const sql::Row& row) {
    RecallNotice n;
    n.id = row.integer("id");
    n.unit_id = row.integer("unit_id");
    n.reference = row.text("reference");
    n.issued_on = row.date("issued_on");
    auto action = parse_recall_action(row.text("action"));
    auto kind = parse_coverage_kind(row.text("coverage"));
    if (!action || !kind) throw std::runtime_error("recall notice " + std::to_string(n.id) + " has an unknown action or coverage");
    n.action = *action;
    n.user_text = row.text("user_text");
    n.coverage.kind = *kind;
    n.coverage.gtin = row.text("gtin");
    n.coverage.serial_from = row.text("serial_from");
    n.coverage.serial_to = row.text("serial_to");
    n.model_id = row.optional_integer("model_id");
    n.registered_at = row.timestamp("registered_at");
    n.registered_by = row.text("registered_by");
    n.closed_at = row.optional_timestamp("closed_at");
    return n;
}

RecallLot read_lot(const sql::Row& row) { return RecallLot{row.integer("notice_id"), row.text("lot")}; }

LotStatus stored_lot_status(const std::string& text) {
    auto status = parse_lot_status(text);
    if (!status) throw std::runtime_error("unknown lot status '" + text + "'");
    return *status;
}

RecallAction stored_action(const std::string& text) {
    auto action = parse_recall_action(text);
    if (!action) throw std::runtime_error("unknown recall action '" + text + "'");
    return *action;
}

}  // namespace

Id SqliteTransaction::insert_recall_notice(const RecallNotice& n) {
    const Id id = sql::insert_returning_id(
        session_,
        "INSERT INTO recall_notices (unit_id, reference, issued_on, action, user_text, gtin, model_id, coverage, "
        "serial_from, serial_to, registered_at, registered_by, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        sql::params(n.unit_id, n.reference, n.issued_on, to_string(n.action), n.user_text, n.coverage.gtin, n.model_id,
                    to_string(n.coverage.kind), n.coverage.serial_from, n.coverage.serial_to, n.registered_at,
                    n.registered_by, n.closed_at));
    for (const auto& serial : n.coverage.serials)
        sql::execute(session_, "INSERT OR IGNORE INTO recall_serials (notice_id, serial) VALUES (?, ?)",
                     sql::params(id, serial));
    for (const auto& lot : n.coverage.lots)
        sql::execute(session_,
                     "INSERT OR IGNORE INTO recall_lots (notice_id, lot, done_at, done_by, note) VALUES (?, ?, NULL, '', '')",
                     sql::params(id, lot));
    return id;
}

std::optional<RecallNotice> SqliteTransaction::recall_notice(Id id) {
    auto notice = sql::query(session_, std::string(notice_columns) + "WHERE id = ?", sql::params(id))
                      .first<RecallNotice>(read_notice);
    if (!notice) return notice;
    auto serials = sql::query(session_, "SELECT serial FROM recall_serials WHERE notice_id = ? ORDER BY serial",
                              sql::params(id));
    for (std::size_t i = 0; i < serials.size(); ++i) notice->coverage.serials.push_back(serials[i].text("serial"));
    for (const auto& lot : recall_lots(id)) notice->coverage.lots.push_back(lot.lot);
    return notice;
}

std::vector<RecallNotice> SqliteTransaction::recall_notices(Id unit_id, const Page& page) {
    return sql::query(session_, std::string(notice_columns) + "WHERE unit_id = ? AND id > ? ORDER BY id LIMIT ?",
                      sql::params(unit_id, page.after_id, checked_page_limit(page)))
        .map<RecallNotice>(read_notice);
}

std::vector<RecallNotice> SqliteTransaction::open_recall_notices_for_gtin(Id unit_id, const std::string& gtin) {
    std::vector<RecallNotice> open;
    auto ids = sql::query(session_,
                          "SELECT id FROM recall_notices WHERE unit_id = ? AND gtin = ? AND closed_at IS NULL ORDER BY id",
                          sql::params(unit_id, gtin));
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (auto notice = recall_notice(ids[i].integer("id"))) open.push_back(*notice);
    return open;
}

void SqliteTransaction::close_recall_notice(Id notice_id, Timestamp at) {
    sql::execute(session_, "UPDATE recall_notices SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                 sql::params(at, notice_id));
}

void SqliteTransaction::insert_recall_device(const RecallDevice& r) {
    sql::execute(session_,
                 "INSERT INTO recall_devices (notice_id, device_id, added_at, added_how, done_at, done_by, note) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                 sql::params(r.notice_id, r.device_id, r.added_at, r.added_how, r.done_at, r.done_by, r.note));
}

std::optional<RecallDevice> SqliteTransaction::recall_device(Id notice_id, Id device_id) {
    return sql::query(session_,
                      "SELECT notice_id, device_id, added_at, added_how, done_at, done_by, note FROM recall_devices "
                      "WHERE notice_id = ? AND device_id = ?",
                      sql::params(notice_id, device_id))
        .first<RecallDevice>([](const sql::Row& row) {
            RecallDevice r;
            r.notice_id = row.integer("notice_id");
            r.device_id = row.integer("device_id");
            r.added_at = row.timestamp("added_at");
            r.added_how = row.text("added_how");
            r.done_at = row.optional_timestamp("done_at");
            r.done_by = row.text("done_by");
            r.note = row.text("note");
            return r;
        });
}

bool SqliteTransaction::mark_recall_device_done(Id notice_id, Id device_id, Timestamp at, const std::string& by,
                                                const std::string& note) {
    return sql::execute(session_,
                        "UPDATE recall_devices SET done_at = ?, done_by = ?, note = ? "
                        "WHERE notice_id = ? AND device_id = ? AND done_at IS NULL",
                        sql::params(at, by, note, notice_id, device_id)) == 1;
}

std::vector<RecallLot> SqliteTransaction::recall_lots(Id notice_id) {
    return sql::query(session_,
                      "SELECT notice_id, lot FROM recall_lots WHERE notice_id = ? ORDER BY lot",
                      sql::params(notice_id))
        .map<RecallLot>(read_lot);
}

void SqliteTransaction::insert_recall_stock_lot(const RecallStockLot& r) {
    sql::execute(session_,
                 "INSERT INTO recall_stock_lots (notice_id, lot_id, added_at, added_how, status_before, done_at, done_by, "
                 "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 sql::params(r.notice_id, r.lot_id, r.added_at, r.added_how, to_string(r.status_before), r.done_at,
                             r.done_by, r.note));
}

std::optional<RecallStockLot> SqliteTransaction::recall_stock_lot(Id notice_id, Id lot_id) {
    return sql::query(session_,
                      "SELECT notice_id, lot_id, added_at, added_how, status_before, done_at, done_by, note "
                      "FROM recall_stock_lots WHERE notice_id = ? AND lot_id = ?",
                      sql::params(notice_id, lot_id))
        .first<RecallStockLot>([](const sql::Row& row) {
            RecallStockLot r;
            r.notice_id = row.integer("notice_id");
            r.lot_id = row.integer("lot_id");
            r.added_at = row.timestamp("added_at");
            r.added_how = row.text("added_how");
            r.status_before = stored_lot_status(row.text("status_before"));
            r.done_at = row.optional_timestamp("done_at");
            r.done_by = row.text("done_by");
            r.note = row.text("note");
            return r;
        });
}

bool SqliteTransaction::mark_recall_stock_lot_done(Id notice_id, Id lot_id, Timestamp at, const std::string& by,
                                                   const std::string& note) {
    return sql::execute(session_,
                        "UPDATE recall_stock_lots SET done_at = ?, done_by = ?, note = ? "
                        "WHERE notice_id = ? AND lot_id = ? AND done_at IS NULL",
                        sql::params(at, by, note, notice_id, lot_id)) == 1;
}

std::vector<DeviceRecallHold> SqliteTransaction::open_lot_recall_holds(Id lot_id) {
    return sql::query(session_,
                      "SELECT n.id, n.reference, n.action FROM recall_stock_lots rs "
                      "JOIN recall_notices n ON n.id = rs.notice_id "
                      "WHERE rs.lot_id = ? AND rs.done_at IS NULL AND n.closed_at IS NULL ORDER BY n.id",
                      sql::params(lot_id))
        .map<DeviceRecallHold>([](const sql::Row& row) {
            return DeviceRecallHold{row.integer("id"), row.text("reference"), stored_action(row.text("action"))};
        });
}

std::vector<AffectedLot> SqliteTransaction::recall_affected_lots(Id notice_id) {
    return sql::query(session_, sqlite_sql::recall_affected_lots, sql::params(notice_id))
        .map<AffectedLot>([](const sql::Row& row) {
            AffectedLot a;
            a.lot_id = row.integer("lot_id");
            a.gtin = row.text("gtin");
            a.item_name = row.text("item_name");
            a.lot = row.text("lot");
            a.expiry = row.date("expiry");
            a.status = stored_lot_status(row.text("status"));
            a.warehouse_id = row.integer("warehouse_id");
            a.warehouse = row.text("warehouse");
            a.quantity = row.number("quantity");
            a.added_how = row.text("added_how");
            a.done_at = row.optional_timestamp("done_at");
            a.done_by = row.text("done_by");
            a.note = row.text("note");
            return a;
        });
}

std::vector<AffectedLotIssue> SqliteTransaction::recall_lot_issues(Id notice_id) {
    return sql::query(session_, sqlite_sql::recall_lot_issues, sql::params(notice_id))
        .map<AffectedLotIssue>([](const sql::Row& row) {
            AffectedLotIssue i;
            i.lot_id = row.integer("lot_id");
            i.lot = row.text("lot");
            i.order_id = row.integer("order_id");
            i.order_status = row.text("order_status");
            i.quantity = row.number("quantity");
            i.picked_at = row.timestamp("picked_at");
            i.delivered_at = row.optional_timestamp("delivered_at");
            i.case_id = row.integer("case_id");
            i.case_number = row.text("case_number");
            i.patient_id = row.integer("patient_id");
            i.municipality = row.text("municipality");
            i.address = row.text("address");
            i.residence = row.text("residence");
            return i;
        });
}

RecallProgress SqliteTransaction::recall_progress(Id notice_id) {
    auto rows = sql::query(session_,
                           "SELECT (SELECT count(*) FROM recall_devices WHERE notice_id = ?) + "
                           "(SELECT count(*) FROM recall_stock_lots WHERE notice_id = ?) AS total, "
                           "(SELECT count(*) FROM recall_devices WHERE notice_id = ? AND done_at IS NOT NULL) + "
                           "(SELECT count(*) FROM recall_stock_lots WHERE notice_id = ? AND done_at IS NOT NULL) AS done",
                           sql::params(notice_id, notice_id, notice_id, notice_id));
    return RecallProgress{rows[0].number("done"), rows[0].number("total")};
}

// One query over the notice's devices (primary key recall_devices(notice_id, device_id)), each joined by
// its primary key or the one-open-loan index to its shelf, reservation, open loan and the loan's patient
// (db/sqlite/recall_queries.h). Read through the C API: the list may hold every device of a model, and
// Poco's RecordSet costs about five times the query itself per row (tests/bench/recall_bench.cpp).
std::vector<AffectedDevice> SqliteTransaction::recall_affected_devices(Id notice_id) {
    sqlite3* db = session_.handle();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sqlite_sql::recall_affected_devices, -1, &raw, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("affected list: ") + sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
    sqlite3_bind_int64(raw, 1, notice_id);
    auto text = [raw](int column) {
        const auto* chars = sqlite3_column_text(raw, column);
        return chars ? std::string(reinterpret_cast<const char*>(chars)) : std::string();
    };
    auto optional_id = [raw](int column) -> std::optional<Id> {
        if (sqlite3_column_type(raw, column) == SQLITE_NULL) return std::nullopt;
        return sqlite3_column_int64(raw, column);
    };
    auto optional_time = [&](int column) -> std::optional<Timestamp> {
        if (sqlite3_column_type(raw, column) == SQLITE_NULL) return std::nullopt;
        auto at = parse_iso_timestamp(text(column));
        if (!at) throw std::runtime_error("affected list: a stored time is not ISO-8601");
        return at;
    };
    std::vector<AffectedDevice> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
        AffectedDevice a;
        a.device_id = sqlite3_column_int64(raw, 0);
        a.asset_tag = text(1);
        a.serial = text(2);
        a.model_name = text(3);
        auto state = parse_device_state(text(4));
        if (!state) throw std::runtime_error("device " + std::to_string(a.device_id) + " has an unknown state");
        a.state = *state;
        a.warehouse = text(5);
        a.location = text(6);
        a.reserved_case_id = optional_id(7);
        a.reserved_case_number = text(8);
        a.loan_id = optional_id(9);
        a.delivered_at = optional_time(10);
        a.loan_case_id = optional_id(11);
        a.loan_case_number = text(12);
        a.patient_id = optional_id(13);
        a.municipality = text(14);
        a.address = text(15);
        a.residence = text(16);
        a.added_how = text(17);
        a.done_at = optional_time(18);
        a.done_by = text(19);
        a.note = text(20);
        rows.push_back(std::move(a));
    }
    if (step != SQLITE_DONE) throw std::runtime_error(std::string("affected list: ") + sqlite3_errmsg(db));
    return rows;
}

std::vector<DeviceRecallHold> SqliteTransaction::open_recall_holds(Id device_id) {
    return sql::query(session_,
                      "SELECT n.id, n.reference, n.action FROM recall_devices rd "
                      "JOIN recall_notices n ON n.id = rd.notice_id "
                      "WHERE rd.device_id = ? AND rd.done_at IS NULL AND n.closed_at IS NULL ORDER BY n.id",
                      sql::params(device_id))
        .map<DeviceRecallHold>([](const sql::Row& row) {
            return DeviceRecallHold{row.integer("id"), row.text("reference"), stored_action(row.text("action"))};
        });
}

int SqliteTransaction::open_loans_under_recall(Id unit_id) {
    auto rows = sql::query(session_,
                           "SELECT count(*) AS n FROM loans lo WHERE lo.unit_id = ? AND lo.returned_at IS NULL "
                           "AND EXISTS (SELECT 1 FROM recall_devices rd JOIN recall_notices n ON n.id = rd.notice_id "
                           "WHERE rd.device_id = lo.device_id AND rd.done_at IS NULL AND n.closed_at IS NULL)",
                           sql::params(unit_id));
    return rows[0].number("n");
}

}  // namespace bhm::db
