// A store with many devices under one field safety notice, for the recall query's correctness test
// (tests/db/store/recalls_test.cpp) and its bench (tests/bench/recall_bench.cpp): `devices` CPAPs with serials
// SN000001..., every 10th on loan (a case and a loan each), every 97th retired, the rest on the shelf; a
// serial-range notice over the middle half, matched device by device with shared/recalls/coverage.h as the
// server does; and a lot-list notice of `lots` lots of a CPAP mask, each a real stock lot (20 packs, every
// 5th with 2 picked for the world's case, every 10th of those delivered), joined to the notice with
// shared/recalls/coverage.h as the server does.
#pragma once

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "shared/recalls/coverage.h"
#include "tests/db/store/store_fixture.h"

namespace bhm::db::testing {

struct RecallStore {
    World world;
    Id notice = 0, lot_notice = 0, item = 0;
    int covered = 0, covered_on_loan = 0, covered_retired = 0;
    int lots_covered = 0, lot_picks = 0, lot_deliveries = 0;
};

inline std::string numbered(const std::string& prefix, int n, int width) {
    std::string digits = std::to_string(n);
    return prefix + std::string(width > static_cast<int>(digits.size()) ? width - digits.size() : 0, '0') + digits;
}

inline RecallStore make_recall_store(Store& store, int devices, int lots) {
    RecallStore r;
    r.world = make_world(store);
    const int from = devices / 4 + 1, to = devices / 4 * 3;
    store.write([&](Transaction& tx) {
        for (int i = 1; i <= devices; ++i) {
            auto device = make_device(r.world, numbered("SN", i, 6), numbered("T", i, 7));
            if (i % 97 == 0) device.status = DeviceStatus{DeviceState::retired, true, true, false};
            if (i % 10 == 0) device.status = DeviceStatus{DeviceState::on_loan, true, true, false};
            device.id = tx.insert_device(device);
            if (i % 10 == 0) {
                Case c;
                c.unit_id = r.world.unit;
                c.number = numbered("UNN-2026-", i, 6);
                c.patient_id = r.world.patient;
                c.category = "cpap";
                c.lymphoedema = "none";
                c.requester_role = "specialist_doctor";
                c.requester_hpr = "1234567";
                c.requester_name = "Dr. Test";
                c.status = CaseStatus::delivered;
                c.applied_at = at("2026-01-05T09:00:00Z");
                Loan loan;
                loan.unit_id = r.world.unit;
                loan.case_id = tx.insert_case(c);
                loan.device_id = device.id;
                loan.delivered_at = at("2026-01-10T10:00:00Z");
                loan.due_on = on("2027-01-10");
                loan.handover = "shipped";
                loan.delivered_by = "warehouse";
                tx.insert_loan(loan);
            }
            if (i >= from && i <= to) {
                ++r.covered;
                r.covered_on_loan += device.status.state == DeviceState::on_loan;
                r.covered_retired += device.status.state == DeviceState::retired;
            }
        }
        RecallNotice notice;
        notice.unit_id = r.world.unit;
        notice.reference = "FSN-BENCH-1";
        notice.issued_on = on("2026-03-01");
        notice.user_text = "Inspect the inlet.";
        notice.coverage.kind = CoverageKind::serial_range;
        notice.coverage.gtin = "07012345000019";
        notice.coverage.serial_from = numbered("SN", from, 6);
        notice.coverage.serial_to = numbered("SN", to, 6);
        notice.model_id = r.world.model;
        notice.registered_at = at("2026-03-02T08:00:00Z");
        notice.registered_by = "manager";
        r.notice = tx.insert_recall_notice(notice);
        for (const auto& d : tx.devices_of_model(r.world.unit, r.world.model))
            if (covers_serial(notice.coverage, notice.coverage.gtin, d.serial))
                tx.insert_recall_device({r.notice, d.id, notice.registered_at, "registered", std::nullopt, "", ""});
        RecallNotice lot_notice = notice;
        lot_notice.reference = "FSN-BENCH-LOTS";
        lot_notice.coverage = Coverage{CoverageKind::lot_list, "07012345000026", "", "", {}, {}};
        lot_notice.model_id.reset();
        for (int i = 1; i <= lots; ++i) lot_notice.coverage.lots.push_back(numbered("L", i, 5));
        r.lot_notice = tx.insert_recall_notice(lot_notice);
        r.item = tx.insert_consumable_item(
            {0, lot_notice.coverage.gtin, "Nasal mask, medium", "piece", 89000, Payer::device_tied, {"cpap"}});
        for (int i = 1; i <= lots; ++i) {
            ConsumableLot lot;
            lot.unit_id = r.world.unit;
            lot.warehouse_id = r.world.warehouse;
            lot.item_id = r.item;
            lot.lot = numbered("L", i, 5);
            lot.expiry = on("2028-06-30");
            lot.quantity = 20;
            lot.received_at = at("2026-02-01T08:00:00Z");
            lot.id = tx.insert_lot(lot);
            if (i % 5 == 0) {
                ConsumableOrder order;
                order.unit_id = r.world.unit;
                order.case_id = r.world.case_id;
                order.warehouse_id = r.world.warehouse;
                order.status = i % 10 == 0 ? "delivered" : "picked";
                order.created_at = at("2026-02-10T08:00:00Z");
                order.created_by = "caseworker";
                if (i % 10 == 0) order.delivered_at = at("2026-02-11T08:00:00Z");
                order.id = tx.insert_consumable_order(order);
                const Id line = tx.insert_order_line({0, order.id, r.item, 2, 89000, Payer::device_tied});
                tx.insert_pick({0, line, lot.id, 2, at("2026-02-10T09:00:00Z"), "warehouse"});
                tx.change_lot_quantity(lot.id, -2);
                ++r.lot_picks;
                r.lot_deliveries += i % 10 == 0;
            }
        }
        for (const auto& l : tx.lots_of_unit(r.world.unit, r.item))
            if (covers_lot(lot_notice.coverage, lot_notice.coverage.gtin, l.lot)) {
                tx.insert_recall_stock_lot({r.lot_notice, l.id, lot_notice.registered_at, "registered", l.status,
                                            std::nullopt, "", ""});
                ++r.lots_covered;
            }
    });
    return r;
}

// EXPLAIN QUERY PLAN of `sql` (one integer parameter) on the SQLite file: the plan's detail lines.
inline std::vector<std::string> query_plan(const std::string& file, const std::string& sql, long long parameter) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + file);
    }
    sqlite3_stmt* statement = nullptr;
    const std::string explain = "EXPLAIN QUERY PLAN " + sql;
    if (sqlite3_prepare_v2(db, explain.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        std::string error = sqlite3_errmsg(db);
        sqlite3_close(db);
        throw std::runtime_error("EXPLAIN failed: " + error);
    }
    sqlite3_bind_int64(statement, 1, parameter);
    std::vector<std::string> details;
    while (sqlite3_step(statement) == SQLITE_ROW)
        details.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return details;
}

}  // namespace bhm::db::testing
