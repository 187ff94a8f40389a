// load_demo_data: checks the 'demo_loaded' mark, hashes the demo passwords outside the transaction,
// then writes the organisation, users, station, models and every unit's stories in one write(), and
// counts the result from the store itself for the summary.
#include "server/demo/demo_data.h"

#include <sstream>

#include "server/auth/password.h"
#include "server/demo/demo_consumables.h"
#include "server/demo/demo_recall.h"
#include "server/demo/demo_scenarios.h"
#include "shared/loans/loan.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

namespace {

constexpr std::uint32_t demo_seed = 20260101;
constexpr const char* station_name = "demo-station";

std::vector<DemoUser> demo_users() {
    const auto& units = demo::demo_units();
    std::vector<DemoUser> users;
    for (const char* role : {"warehouse", "technician", "caseworker", "manager", "admin"})
        users.push_back({role, role, units[0].unit_code});
    users.push_back({"warehouse2", "warehouse", units[1].unit_code});
    return users;
}

// The counts kept in the 'demo_summary' setting: "devices=252 patients=190 ...".
std::string summary_text(const DemoSummary& summary) {
    std::ostringstream out;
    out << "devices=" << summary.devices << " patients=" << summary.patients << " cases=" << summary.cases
        << " open_loans=" << summary.open_loans << " overdue_loans=" << summary.overdue_loans;
    return out.str();
}

void read_summary_text(const std::string& text, DemoSummary& summary) {
    std::istringstream in(text);
    std::string field;
    while (in >> field) {
        const auto equals = field.find('=');
        if (equals == std::string::npos) continue;
        const std::string key = field.substr(0, equals);
        const int value = std::stoi(field.substr(equals + 1));
        if (key == "devices") summary.devices = value;
        if (key == "patients") summary.patients = value;
        if (key == "cases") summary.cases = value;
        if (key == "open_loans") summary.open_loans = value;
        if (key == "overdue_loans") summary.overdue_loans = value;
    }
}

// The set is already there: its stored counts, no token (only its hash was kept), and a note.
DemoSummary loaded_summary(db::Store& store, const std::string& password) {
    DemoSummary summary;
    summary.users = demo_users();
    summary.station_name = station_name;
    summary.already_loaded = true;
    std::optional<std::string> loaded_at, counts, admin_hash;
    store.read([&](db::Transaction& tx) {
        loaded_at = tx.setting("demo_loaded");
        counts = tx.setting("demo_summary");
        if (auto admin = tx.user_by_name("admin")) admin_hash = admin->password_hash;
    });
    if (counts) read_summary_text(*counts, summary);
    summary.note = "The demo data was already loaded (" + loaded_at.value_or("earlier") +
                   "); nothing was added. The station token is shown only on the first load: "
                   "issue a new station token if you need one.";
    if (admin_hash && verify_password(password, *admin_hash)) {
        summary.password = password;
    } else {
        summary.note += " The demo users keep the password they were loaded with.";
    }
    return summary;
}

// Devices, cases and loans as the store has them now, over every demo unit.
void count_from_store(db::Transaction& tx, const std::vector<demo::LoadedUnit>& units, Date today,
                      DemoSummary& summary) {
    const db::Page all{10000, 0};
    for (const auto& unit : units) {
        summary.devices += static_cast<int>(tx.devices({unit.unit.id, {}, {}, {}, {}}, all).size());
        summary.cases += static_cast<int>(tx.cases(unit.unit.id, std::nullopt, all).size());
        for (const db::Loan& loan : tx.open_loans_due(unit.unit.id, Date{9999, 12, 31})) {
            ++summary.open_loans;
            if (loan_overdue(loan.due_on, today)) ++summary.overdue_loans;
        }
    }
}

std::vector<demo::LoadedUnit> load_organisation(db::Transaction& tx) {
    std::vector<demo::LoadedUnit> loaded;
    const auto& plans = demo::demo_units();
    // Regions in the usual order (Sør-Øst, Vest, Midt-Norge, Nord); units with UNN first.
    std::vector<std::pair<std::string, db::Id>> regions;
    for (const char* code : {"HSO", "HV", "HMN", "HN"}) {
        for (const auto& plan : plans) {
            if (plan.region_code == code) regions.emplace_back(code, tx.insert_region({0, code, plan.region_name}));
        }
    }
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const auto& plan = plans[i];
        db::Id region = 0;
        for (const auto& [code, id] : regions)
            if (code == plan.region_code) region = id;
        demo::LoadedUnit unit;
        unit.unit = {0, region, plan.unit_code, plan.unit_name};
        unit.unit.id = tx.insert_unit(unit.unit);
        unit.plan = &plan;
        unit.first = i == 0;
        unit.second = i == 1;
        unit.warehouse = tx.insert_warehouse({0, unit.unit.id, plan.warehouse_name});
        for (const auto& shelf : demo::demo_shelves()) unit.shelves.push_back(tx.insert_location({0, unit.warehouse, shelf}));
        loaded.push_back(unit);
    }
    return loaded;
}

std::vector<db::Model> load_models(db::Transaction& tx) {
    std::vector<db::Model> models;
    for (const auto& plan : demo::demo_models()) {
        db::Model model{0, demo::demo_gtin(plan.item), plan.manufacturer, plan.name, plan.category, plan.price_ore,
                        plan.protection_class, plan.applied_part};
        model.id = tx.insert_model(model);
        models.push_back(model);
    }
    return models;
}

}  // namespace

DemoSummary load_demo_data(db::Store& store, Timestamp now, const std::string& password) {
    if (password.empty()) throw std::invalid_argument("the demo users need a password");
    bool loaded = false;
    store.read([&](db::Transaction& tx) { loaded = tx.setting("demo_loaded").has_value(); });
    if (loaded) return loaded_summary(store, password);

    // PBKDF2 is slow on purpose: hash before taking the store's write lock.
    const std::vector<DemoUser> users = demo_users();
    std::vector<std::string> hashes;
    for (std::size_t i = 0; i < users.size(); ++i) hashes.push_back(hash_password(password));
    const std::string token = random_token();

    DemoSummary summary;
    summary.users = users;
    summary.password = password;
    summary.station_name = station_name;
    store.write([&](db::Transaction& tx) {
        if (tx.setting("demo_loaded")) {  // another caller loaded it meanwhile
            loaded = true;
            return;
        }
        const std::vector<demo::LoadedUnit> units = load_organisation(tx);
        for (std::size_t i = 0; i < users.size(); ++i) {
            for (const auto& unit : units) {
                if (unit.unit.code == users[i].unit_code)
                    tx.insert_user({0, unit.unit.id, users[i].username, users[i].role, hashes[i], true, 0});
            }
        }
        tx.insert_station({0, units[0].unit.id, station_name, sha256_hex(token), now, std::nullopt, "admin"});
        const std::vector<db::Model> models = load_models(tx);

        demo::DemoRandom random(demo_seed);
        demo::DemoHistory history(tx, random, now);
        for (const auto& unit : units) {
            for (std::size_t m = 0; m < models.size(); ++m) {
                const int stock = std::max(1, demo::demo_models()[m].stock * unit.plan->stock_percent / 100);
                for (int i = 0; i < stock; ++i) {
                    demo::play_device_story(history, random, unit, models[m], demo::draw_story(random));
                }
            }
            demo::play_paper_cases(history, random, unit);
            if (unit.first) demo::register_demo_recall(tx, history, unit, models.front());
        }
        demo::DemoRandom consumable_random(demo_seed + 8);   // its own dice: the device stories stay as they were
        for (const auto& unit : units) demo::play_consumables(tx, consumable_random, unit, now);
        summary.patients = history.patients();
        count_from_store(tx, units, local_date(now), summary);
        tx.put_setting("demo_loaded", to_iso(now));
        tx.put_setting("demo_summary", summary_text(summary));
    });
    if (loaded) return loaded_summary(store, password);
    summary.station_token = token;
    summary.note = "Demo data loaded. Log in as any of the users with the given password; the scan station "
                   "token is shown only now.";
    return summary;
}

}  // namespace bhm::server
