// The hot reads of a national-scale store (db/sqlite/hot_queries.h, recall_queries.h) must each go by an index:
// EXPLAIN QUERY PLAN on the store's own SQL, over a tiny store from the national bench's generator (the real
// migrations, no ANALYZE: the planner chooses as it would on a fresh production file of any size).
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "db/sqlite/hot_queries.h"
#include "db/sqlite/recall_queries.h"
#include "national_store.h"
#include "tests/db/store/store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

namespace {

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using RawDb = std::unique_ptr<sqlite3, Closer>;

RawDb open_raw(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    return RawDb(db);
}

// The plan's lines ("SEARCH d USING INDEX ...", "SCAN loans", "USE TEMP B-TREE FOR ORDER BY").
std::vector<std::string> plan_of(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &s, nullptr) == SQLITE_OK);
    std::vector<std::string> lines;
    while (sqlite3_step(s) == SQLITE_ROW) lines.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 3)));
    sqlite3_finalize(s);
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += "\n  " + line;
    return text;
}

// Every line on a big table (by its name or alias in the query) searches an index; nothing is sorted in a temp b-tree.
void check_indexed(sqlite3* db, const std::string& name, const std::string& sql, const std::set<std::string>& big) {
    const auto lines = plan_of(db, sql);
    INFO(name << " plan:" << joined(lines));
    REQUIRE_FALSE(lines.empty());
    bool searched = false;
    for (const auto& line : lines) {
        CHECK(line.find("TEMP B-TREE") == std::string::npos);
        for (const auto& table : big) {
            if (line.rfind("SCAN " + table, 0) == 0 &&
                (line.size() == 5 + table.size() || line[5 + table.size()] == ' '))
                FAIL_CHECK("full scan of " << table);
            if (line.rfind("SEARCH " + table + " USING ", 0) == 0) searched = true;
        }
    }
    CHECK(searched);
}

std::size_t rows_of(sqlite3* db, const std::string& sql, const std::vector<std::string>& texts) {
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto& t = texts[i];
        const bool number = !t.empty() && t.find_first_not_of("-0123456789") == std::string::npos &&
                            t.find('-', 1) == std::string::npos;   // "-1" is a number, "2026-12-20" a date
        if (number) sqlite3_bind_int64(s, static_cast<int>(i + 1), std::stoll(t));
        else sqlite3_bind_text(s, static_cast<int>(i + 1), t.c_str(), -1, SQLITE_TRANSIENT);
    }
    std::size_t rows = 0;
    while (sqlite3_step(s) == SQLITE_ROW) ++rows;
    sqlite3_finalize(s);
    return rows;
}

const Timestamp now = at("2026-11-20T10:00:00Z");

}  // namespace

TEST_CASE("each hot read of a national-scale store searches an index and sorts nothing on the big tables") {
    TempFolder folder;
    const std::string path = folder.file("national.db");
    bench::build_national_store(path, bench::national_plan(0.002), "pbkdf2-sha256$1000$00$00", now);
    auto db = open_raw(path);

    check_indexed(db.get(), "overdue loans", sqlite_sql::open_loans_due_page, {"loans"});
    check_indexed(db.get(), "inspections due", sqlite_sql::devices_inspection_due_page, {"d"});
    check_indexed(db.get(), "a device's history", sqlite_sql::device_events, {"events"});
    check_indexed(db.get(), "device list by unit, state and category",
                  sqlite_sql::device_list(true, false, true, true, false), {"d"});
    check_indexed(db.get(), "device list by unit", sqlite_sql::device_list(true, false, false, false, false), {"d"});
    check_indexed(db.get(), "recall affected devices", sqlite_sql::recall_affected_devices, {"rd", "d", "lo"});
    check_indexed(db.get(), "annual report: loans of a unit's cases", sqlite_sql::loans_of_unit_cases,
                  {"loans", "cases"});
    check_indexed(db.get(), "annual report: devices received", sqlite_sql::devices_received_between, {"d"});

    // The queries find what the generator made: overdue loans, inspections due, a history, a held device.
    CHECK(rows_of(db.get(), sqlite_sql::open_loans_due_page, {"12", "2027-03-01", "", "0", "-1"}) > 0);
    CHECK(rows_of(db.get(), sqlite_sql::devices_inspection_due_page, {"12", "2026-12-20", "", "0", "-1"}) > 0);
    CHECK(rows_of(db.get(), sqlite_sql::device_events, {"1"}) > 1);
    CHECK(rows_of(db.get(), sqlite_sql::recall_affected_devices, {"1"}) > 0);
}

TEST_CASE("the overdue loans and inspections due read a page at a time are the whole list in the same order") {
    TempFolder folder;
    const std::string path = folder.file("national.db");
    bench::build_national_store(path, bench::national_plan(0.002), "pbkdf2-sha256$1000$00$00", now);
    auto store = open_sqlite_store(path);
    store->read([&](Transaction& tx) {
        const Id unit = 12;   // AHUS, the largest unit
        const auto loans = tx.open_loans_due(unit, on("2027-03-01"));
        std::vector<Id> paged_loans;
        DatedPage page{7, std::nullopt, 0};
        for (;;) {
            const auto part = tx.open_loans_due(unit, on("2027-03-01"), page);
            for (const auto& l : part) paged_loans.push_back(l.id);
            if (part.size() < 7) break;
            page.after_date = part.back().due_on;
            page.after_id = part.back().id;
        }
        REQUIRE(loans.size() > 7);
        std::vector<Id> whole;
        for (const auto& l : loans) whole.push_back(l.id);
        CHECK(paged_loans == whole);

        const auto devices = tx.devices_inspection_due(unit, on("2026-12-20"));
        std::vector<Id> paged_devices;
        page = DatedPage{9, std::nullopt, 0};
        for (;;) {
            const auto part = tx.devices_inspection_due(unit, on("2026-12-20"), page);
            for (const auto& d : part) paged_devices.push_back(d.id);
            if (part.size() < 9) break;
            page.after_date = part.back().inspection_due;
            page.after_id = part.back().id;
        }
        REQUIRE(devices.size() > 9);
        REQUIRE_FALSE(devices.front().inspection_due.has_value());   // never inspected comes first
        std::vector<Id> whole_devices;
        for (const auto& d : devices) whole_devices.push_back(d.id);
        CHECK(paged_devices == whole_devices);
    });
}
