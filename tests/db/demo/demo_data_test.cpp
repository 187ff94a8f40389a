// The demo set: loads once, its summary matches the store, and everything in it obeys the domain's
// rules (device states match loans, national IDs and GTINs are valid, requesters may apply, every
// state has its event), and the fixed seed gives the same set every run.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include <map>
#include <set>

#include "server/auth/password.h"
#include "server/demo/demo_data.h"
#include "shared/barcode/gs1_check_digit.h"
#include "shared/cases/requester.h"
#include "shared/catalogue/category.h"
#include "shared/loans/loan.h"
#include "shared/people/national_id.h"
#include "tests/db/store/store_fixture.h"

using namespace bhm;
using namespace bhm::server;

namespace {

using db::testing::TempFolder;

const Timestamp now = *parse_iso_timestamp("2026-03-15T12:00:00Z");
const Date today = date_of(now);

// Everything the demo put in the store, read back through the Store port.
struct Snapshot {
    std::vector<db::Unit> units;
    std::vector<db::Device> devices;
    std::vector<db::Case> cases;
    std::vector<db::Loan> open_loans;
    std::map<db::Id, db::Patient> patients;  // every demo patient has a case
};

Snapshot snapshot(db::Store& store) {
    Snapshot s;
    store.read([&](db::Transaction& tx) {
        s.units = tx.units();
        for (const auto& unit : s.units) {
            for (const auto& d : tx.devices({unit.id, {}, {}, {}, {}}, db::Page{10000, 0})) s.devices.push_back(d);
            for (const auto& c : tx.cases(unit.id, std::nullopt, db::Page{10000, 0})) {
                s.cases.push_back(c);
                s.patients.emplace(c.patient_id, *tx.patient(c.patient_id));
            }
            for (const auto& l : tx.open_loans_due(unit.id, Date{9999, 12, 31})) s.open_loans.push_back(l);
        }
    });
    return s;
}

}  // namespace

TEST_CASE("the demo set loads and its summary matches what the store holds") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    const DemoSummary summary = load_demo_data(*store, now, "demo-password");
    const Snapshot s = snapshot(*store);

    CHECK_FALSE(summary.already_loaded);
    CHECK(summary.devices == static_cast<int>(s.devices.size()));
    CHECK(summary.cases == static_cast<int>(s.cases.size()));
    CHECK(summary.patients == static_cast<int>(s.patients.size()));
    CHECK(summary.open_loans == static_cast<int>(s.open_loans.size()));
    int overdue = 0;
    for (const auto& loan : s.open_loans) overdue += loan_overdue(loan.due_on, today) ? 1 : 0;
    CHECK(summary.overdue_loans == overdue);
    CHECK(summary.devices >= 200);
    CHECK(summary.devices <= 400);
    CHECK(summary.overdue_loans > 0);
    CHECK(s.units.size() == 4);
    CHECK(s.units.front().code == "UNN");
}

TEST_CASE("the demo users log in with the given password in their units, and the station token matches its hash") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    const DemoSummary summary = load_demo_data(*store, now, "demo-password");
    REQUIRE(summary.users.size() == 6);
    CHECK(summary.password == "demo-password");
    REQUIRE_FALSE(summary.station_token.empty());
    store->read([&](db::Transaction& tx) {
        const auto units = tx.units();
        for (const auto& expected : summary.users) {
            INFO(expected.username);
            auto user = tx.user_by_name(expected.username);
            REQUIRE(user);
            CHECK(user->role == expected.role);
            CHECK(tx.unit(user->unit_id)->code == expected.unit_code);
            CHECK(verify_password("demo-password", user->password_hash));
            CHECK_FALSE(verify_password("wrong", user->password_hash));
        }
        CHECK(tx.user_by_name("warehouse")->unit_id == units[0].id);
        CHECK(tx.user_by_name("warehouse2")->unit_id == units[1].id);
        auto station = tx.station_by_token_hash(sha256_hex(summary.station_token));
        REQUIRE(station);
        CHECK(station->name == "demo-station");
        CHECK(station->unit_id == units[0].id);
    });
}

TEST_CASE("every demo device's state agrees with its loans, reservation, cleaning and inspection") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    load_demo_data(*store, now, "demo-password");
    const Snapshot s = snapshot(*store);
    std::set<DeviceState> seen;
    store->read([&](db::Transaction& tx) {
        for (const auto& device : s.devices) {
            INFO(device.asset_tag << " " << to_string(device.status.state));
            seen.insert(device.status.state);
            const auto loan = tx.open_loan_for_device(device.id);
            CHECK((device.status.state == DeviceState::on_loan) == loan.has_value());
            CHECK((device.status.state == DeviceState::reserved) == device.reserved_case_id.has_value());
            if (device.reserved_case_id) CHECK(tx.case_by_id(*device.reserved_case_id)->status == CaseStatus::approved);
            if (loan) CHECK(tx.case_by_id(loan->case_id)->status == CaseStatus::delivered);
            if (device.status.state == DeviceState::available) {
                CHECK(device.status.cleaned);
                CHECK(device.status.inspected);
            }
            if (device.status.state == DeviceState::returned) CHECK_FALSE(device.status.cleaned);
            if (device.status.state == DeviceState::in_service) CHECK(tx.open_service_order(device.id));
            // Every state the demo created has its event: the last device move ends in the current state
            // (case events such as case_delivered also name the device, with the case's status).
            const auto events = tx.device_events(device.id);
            REQUIRE_FALSE(events.empty());
            CHECK(events.front().kind == "received");
            std::string last_state;
            for (const auto& event : events)
                if (parse_device_state(event.after_state)) last_state = event.after_state;
            CHECK(last_state == to_string(device.status.state));
            auto model = tx.model(device.model_id);
            REQUIRE(model);
            if (tx.category(model->category)->electrical && device.status.inspected) CHECK(device.inspection_due);
        }
    });
    CHECK(seen.size() == 8);  // every lifecycle state appears
}

TEST_CASE("demo loans include overdue ones and ones due within 14 days") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    load_demo_data(*store, now, "demo-password");
    const Snapshot s = snapshot(*store);
    int overdue = 0, due_soon = 0;
    for (const auto& loan : s.open_loans) {
        overdue += loan_overdue(loan.due_on, today) ? 1 : 0;
        due_soon += loan_due_within(loan.due_on, today, 14) ? 1 : 0;
        CHECK(loan.manual_included);
        CHECK(loan.training_recorded);
        CHECK(loan.delivered_at <= now);
    }
    CHECK(overdue > 0);
    CHECK(due_soon > 0);
}

TEST_CASE("every demo patient has a valid national ID and every case a requester allowed to apply") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    load_demo_data(*store, now, "demo-password");
    const Snapshot s = snapshot(*store);
    for (const auto& [id, patient] : s.patients) {
        INFO(patient.national_id);
        CHECK_FALSE(check_national_id(patient.national_id));
    }
    std::set<CaseStatus> statuses;
    store->read([&](db::Transaction& tx) {
        for (const auto& c : s.cases) {
            INFO(c.number);
            statuses.insert(c.status);
            ApplicationRequest request{*parse_requester_role(c.requester_role), c.category, c.palliative,
                                       c.nebulizer_criteria_met, *parse_lymphoedema(c.lymphoedema)};
            CHECK_FALSE(check_requester_rights(request));
            if (c.decided_at) {
                CHECK_FALSE(c.grounds.empty());
                CHECK(c.complaint_deadline == add_days(date_of(*c.decided_at), complaint_deadline_days));
            }
            if (c.status == CaseStatus::delivered || c.status == CaseStatus::closed) {
                CHECK(c.journal_written_at);
                if (tx.category(c.category)->site_check_required) CHECK_FALSE(tx.site_checks(c.id).empty());
            }
            CHECK_FALSE(tx.case_events(c.id).empty());
        }
    });
    CHECK(statuses.size() == 6);  // applied, approved, rejected, delivered, closed, own_equipment
}

TEST_CASE("the demo catalogue has models for every category with valid GTIN-14s") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    load_demo_data(*store, now, "demo-password");
    std::set<std::string> categories;
    store->read([&](db::Transaction& tx) {
        for (const auto& model : tx.models()) {
            INFO(model.gtin);
            CHECK(model.gtin.size() == 14);
            CHECK(barcode::gtin_check_digit_ok(model.gtin));
            CHECK(model.price_ore > 0);
            categories.insert(model.category);
        }
    });
    CHECK(categories.size() == reference_categories().size());
}

TEST_CASE("loading the demo set twice adds nothing and gives no new station token") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    const DemoSummary first = load_demo_data(*store, now, "demo-password");
    const DemoSummary second = load_demo_data(*store, Timestamp{now.unix_seconds + 86400}, "demo-password");
    CHECK(second.already_loaded);
    CHECK(second.station_token.empty());
    CHECK(second.station_name == "demo-station");
    CHECK_FALSE(second.note.empty());
    CHECK(second.devices == first.devices);
    CHECK(second.cases == first.cases);
    CHECK(second.patients == first.patients);
    CHECK(second.open_loans == first.open_loans);
    CHECK(second.password == "demo-password");
    const Snapshot s = snapshot(*store);
    CHECK(static_cast<int>(s.devices.size()) == first.devices);
    CHECK(static_cast<int>(s.cases.size()) == first.cases);
    store->read([](db::Transaction& tx) { CHECK(tx.stations(tx.units()[0].id).size() == 1); });

    const DemoSummary other_password = load_demo_data(*store, now, "another-password");
    CHECK(other_password.password.empty());
}

TEST_CASE("the demo set is the same on every run for the same time") {
    TempFolder folder;
    auto first = db::open_sqlite_store(folder.file("first.sqlite"));
    auto second = db::open_sqlite_store(folder.file("second.sqlite"));
    load_demo_data(*first, now, "demo-password");
    load_demo_data(*second, now, "demo-password");
    const Snapshot a = snapshot(*first), b = snapshot(*second);
    REQUIRE(a.devices.size() == b.devices.size());
    for (std::size_t i = 0; i < a.devices.size(); ++i) {
        CHECK(a.devices[i].asset_tag == b.devices[i].asset_tag);
        CHECK(a.devices[i].serial == b.devices[i].serial);
        CHECK(a.devices[i].status == b.devices[i].status);
        CHECK(a.devices[i].inspection_due == b.devices[i].inspection_due);
    }
    REQUIRE(a.cases.size() == b.cases.size());
    for (std::size_t i = 0; i < a.cases.size(); ++i) {
        CHECK(a.cases[i].number == b.cases[i].number);
        CHECK(a.patients.at(a.cases[i].patient_id).national_id == b.patients.at(b.cases[i].patient_id).national_id);
    }
}

TEST_CASE("the demo set refuses an empty password") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    CHECK_THROWS_AS(load_demo_data(*store, now, ""), std::invalid_argument);
    store->read([](db::Transaction& tx) { CHECK_FALSE(tx.setting("demo_loaded")); });
}

TEST_CASE("the demo's inspections and service orders were made by the workflows: each event names its record") {
    TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.sqlite"));
    load_demo_data(*store, now, "demo-password");
    const Snapshot s = snapshot(*store);
    int inspected = 0, in_service = 0;
    store->read([&](db::Transaction& tx) {
        for (const auto& device : s.devices) {
            INFO(device.asset_tag);
            std::set<db::Id> inspection_ids;
            for (const auto& inspection : tx.inspections(device.id)) inspection_ids.insert(inspection.id);
            int work_events = 0;
            for (const auto& event : tx.device_events(device.id)) {
                CHECK(event.at <= now);
                if (event.kind == "service_work") ++work_events;
                if (event.kind != "pass_inspection") continue;
                Poco::JSON::Parser parser;
                const auto data = parser.parse(event.data_json).extract<Poco::JSON::Object::Ptr>();
                REQUIRE(data->has("inspection_id"));
                CHECK(inspection_ids.count(data->getValue<db::Id>("inspection_id")) == 1);
                ++inspected;
            }
            if (auto order = tx.open_service_order(device.id)) {
                CHECK_FALSE(order->work.empty());
                CHECK(work_events == 1);
                ++in_service;
            }
        }
    });
    CHECK(inspected > 0);
    CHECK(in_service > 0);
}
