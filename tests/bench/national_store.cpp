// The national bench store's generator (see national_store.h). Consistent with the schema and the domain:
// every open loan's device is on_loan and its case delivered, returned loans belong to closed cases, devices
// in service have their open service order, the counters and case number sequences are past what is used,
// and each device's event log ends in the state the device is in.
#include "national_store.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>

#include "bulk_writer.h"
#include "db/migrations.h"
#include "db/store.h"
#include "shared/barcode/asset_tag.h"
#include "shared/barcode/gs1_check_digit.h"
#include "shared/catalogue/category.h"
#include "shared/core/norway_time.h"

namespace bhm::bench {

namespace {

constexpr const char* folder = "/tmp/bhm-bench-national";

// Share of a unit's devices by category (per mille), and of a category's devices by its three models.
struct CategoryShare {
    const char* code;
    int per_mille;
};
constexpr std::array<CategoryShare, 11> category_shares{{{"cpap", 350},
                                                        {"oxygen_concentrator", 150},
                                                        {"bipap", 80},
                                                        {"home_ventilator", 40},
                                                        {"cough_assist", 30},
                                                        {"nebulizer", 80},
                                                        {"suction", 60},
                                                        {"infusion_pump", 50},
                                                        {"insulin_pump", 60},
                                                        {"tens", 50},
                                                        {"compression_garment", 50}}};
constexpr std::array<int, 3> model_shares{60, 30, 10};
// The field safety notice covers all serials of this category's first model, in the largest unit.
constexpr const char* recalled_category = "home_ventilator";

struct Model {
    std::int64_t id;
    const CategoryRules* category;
};

std::string lower(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string padded(std::int64_t n, int width) {
    std::string text = std::to_string(n);
    return std::string(text.size() < static_cast<std::size_t>(width) ? width - text.size() : 0, '0') + text;
}

Timestamp days_before(Timestamp t, double days) { return Timestamp{t.unix_seconds - static_cast<std::int64_t>(days * 86400)}; }

// The states of a unit's devices: exactly `on_loan` on loan, the others shared out, in random order.
std::vector<const char*> device_states(std::int64_t devices, std::int64_t on_loan, std::mt19937_64& random) {
    std::vector<const char*> states;
    states.reserve(static_cast<std::size_t>(devices));
    for (std::int64_t i = 0; i < on_loan; ++i) states.push_back("on_loan");
    const std::int64_t rest = devices - on_loan;
    const std::array<std::pair<const char*, int>, 5> shares{
        {{"returned", 60}, {"in_service", 40}, {"received", 30}, {"retired", 50}, {"lost", 20}}};
    for (const auto& [state, per_mille] : shares)
        for (std::int64_t i = 0; i < rest * per_mille / 1000; ++i) states.push_back(state);
    while (static_cast<std::int64_t>(states.size()) < devices) states.push_back("available");
    std::shuffle(states.begin(), states.end(), random);
    return states;
}

// The kind of the event that left a device in `state`.
const char* arriving_kind(const std::string& state) {
    if (state == "on_loan") return "case_delivered";
    if (state == "returned") return "returned";
    if (state == "in_service") return "service_order_opened";
    if (state == "retired") return "retired";
    if (state == "lost") return "lost";
    if (state == "received") return "received";
    return "moved";
}

class Generator {
public:
    Generator(BulkWriter& out, const NationalPlan& plan, const std::string& password_hash, Timestamp now)
        : out_(out), plan_(plan), password_hash_(password_hash), now_(now), today_(local_date(now)) {
        region_ = out.prepare("INSERT INTO regions (id, code, name) VALUES (?, ?, ?)");
        unit_ = out.prepare("INSERT INTO units (id, region_id, code, name) VALUES (?, ?, ?, ?)");
        warehouse_ = out.prepare("INSERT INTO warehouses (id, unit_id, name) VALUES (?, ?, ?)");
        location_ = out.prepare("INSERT INTO locations (id, warehouse_id, code) VALUES (?, ?, ?)");
        user_ = out.prepare("INSERT INTO users (unit_id, username, role, password_hash, active) VALUES (?, ?, ?, ?, 1)");
        model_ = out.prepare("INSERT INTO models (id, gtin, manufacturer, name, category, price_ore, protection_class, "
                             "applied_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        device_ = out.prepare(
            "INSERT INTO devices (id, unit_id, model_id, serial, asset_tag, warehouse_id, location_id, state, cleaned, "
            "inspected, inspection_failed, inspection_due, reserved_case_id, received_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1)");
        patient_ = out.prepare("INSERT INTO patients (id, unit_id, national_id, name, address, municipality, residence) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)");
        case_ = out.prepare(
            "INSERT INTO cases (id, unit_id, number, patient_id, category, inpatient, palliative, nebulizer_criteria_met, "
            "lymphoedema, requester_role, requester_hpr, requester_name, status, applied_at, decided_at, approved, "
            "grounds, decided_by, loan_days, complaint_deadline, journal_hpr, journal_written_at, delivered_at, "
            "own_equipment, own_equipment_note, version) "
            "VALUES (?, ?, ?, ?, ?, 0, 0, ?, 'none', 'specialist_doctor', '9144889', 'Lege Spesialist', ?, ?, ?, 1, "
            "'The medical criteria are met.', ?, ?, ?, '9144889', ?, ?, 0, '', 2)");
        decision_ = out.prepare(
            "INSERT INTO decisions (case_id, kind, approved, grounds, decided_by, decided_at, loan_days, "
            "complaint_deadline) VALUES (?, 'initial', 1, 'The medical criteria are met.', ?, ?, ?, ?)");
        journal_ = out.prepare("INSERT INTO journal_notes (case_id, hpr_number, written_at, recorded_at, recorded_by, "
                               "corrects_id, correction_reason) VALUES (?, '9144889', ?, ?, ?, NULL, '')");
        site_check_ = out.prepare(
            "INSERT INTO site_checks (case_id, documented_by, checked_on, document_ref, recorded_at, recorded_by, "
            "address, corrects_id, correction_reason) VALUES (?, 'electrician', ?, ?, ?, ?, ?, NULL, '')");
        loan_ = out.prepare(
            "INSERT INTO loans (id, unit_id, case_id, device_id, delivered_at, due_on, handover, manual_included, "
            "training_recorded, fitted_and_tested, trained_who, not_fitted_reason, delivered_by, returned_at, "
            "end_reason) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1, 'patient', '', ?, ?, ?)");
        service_order_ = out.prepare(
            "INSERT INTO service_orders (device_id, unit_id, opened_at, opened_by, fault, work, parts, closed_at, "
            "closed_by) VALUES (?, ?, ?, ?, 'Failed the recurrent electrical safety test.', '', '', NULL, '')");
        event_ = out.prepare(
            "INSERT INTO events (unit_id, device_id, case_id, at, actor, station, scan_id, kind, before_state, "
            "after_state, data_json) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)");
        notice_ = out.prepare(
            "INSERT INTO recall_notices (id, unit_id, reference, issued_on, action, user_text, gtin, model_id, coverage, "
            "serial_from, serial_to, registered_at, registered_by, closed_at) "
            "VALUES (?, ?, ?, ?, 'inspect', ?, ?, ?, 'all_serials', '', '', ?, ?, NULL)");
        recall_device_ = out.prepare(
            "INSERT INTO recall_devices (notice_id, device_id, added_at, added_how, done_at, done_by, note) "
            "VALUES (?, ?, ?, 'registered', NULL, '', '')");
    }

    void run() {
        catalogue();
        std::int64_t unit_id = 0;
        for (const auto& region : plan_.regions) out_.insert(region_, ++region_id_, region.code, region.name);
        for (const auto& unit : plan_.units) {
            ++unit_id;
            const auto region = std::find_if(plan_.regions.begin(), plan_.regions.end(),
                                             [&](const PlannedRegion& r) { return r.code == unit.region_code; });
            out_.insert(unit_, unit_id, static_cast<std::int64_t>(region - plan_.regions.begin()) + 1, unit.code,
                        unit.name);
            generate_unit(unit_id, unit);
        }
        out_.execute("INSERT INTO counters (name, value) VALUES ('asset_number', " + std::to_string(device_id_) +
                     ") ON CONFLICT (name) DO UPDATE SET value = excluded.value");
        for (const auto& [key, last] : case_numbers_)
            out_.execute("INSERT INTO case_number_sequences (unit_code, year, last_number) VALUES ('" + key.first +
                         "', " + std::to_string(key.second) + ", " + std::to_string(last) + ")");
    }

private:
    void catalogue() {
        std::int64_t id = 0;
        for (const auto& share : category_shares) {
            const CategoryRules* rules = find_category(share.code);
            if (!rules) throw std::logic_error(std::string("no reference category ") + share.code);
            for (int m = 0; m < 3; ++m) {
                ++id;
                const std::string body = "0709" + padded(5000000 + id, 9);
                const std::string gtin = body + *barcode::gs1_check_digit(body);
                out_.insert(model_, id, gtin, "Nordic Medical", std::string(rules->name) + " " + std::to_string(m + 1),
                            rules->code, std::int64_t{(m + 2) * 450000}, rules->electrical ? "II" : "IP",
                            rules->electrical ? "BF" : "none");
                models_[rules->code].push_back(Model{id, rules});
                gtins_[id] = gtin;
            }
        }
    }

    const Model& pick_model(std::mt19937_64& random) {
        int roll = static_cast<int>(random() % 1000);
        const CategoryShare* share = &category_shares.back();
        for (const auto& s : category_shares) {
            if (roll < s.per_mille) {
                share = &s;
                break;
            }
            roll -= s.per_mille;
        }
        const auto& models = models_.at(share->code);
        int m = static_cast<int>(random() % 100);
        for (std::size_t i = 0; i < models.size(); ++i) {
            if (m < model_shares[i]) return models[i];
            m -= model_shares[i];
        }
        return models.back();
    }

    std::string case_number(const std::string& unit_code, int year) {
        const int number = ++case_numbers_[{unit_code, year}];
        return unit_code + "-" + std::to_string(year) + "-" + padded(number, 6);
    }

    // A patient and the delivered (or, with `returned_at`, closed) case whose loan takes device `device`.
    void loan(std::int64_t unit_id, const PlannedUnit& unit, std::int64_t device, const Model& model,
              Timestamp delivered, std::optional<Timestamp> returned, Date due_on, std::mt19937_64& random) {
        const std::int64_t patient = ++patient_id_, case_id = ++case_id_;
        const std::string municipality = unit.code + " kommune " + std::to_string(1 + patient % 5);
        const std::string address = "Testveien " + std::to_string(1 + patient % 200) + ", " + municipality;
        out_.insert(patient_, patient, unit_id, "1" + padded(patient, 10), "Pasient " + std::to_string(patient),
                    address, municipality, patient % 9 == 0 ? "institution" : "home");
        const Timestamp applied = days_before(delivered, 3 + static_cast<double>(random() % 40));
        const Timestamp decided = Timestamp{applied.unix_seconds + static_cast<std::int64_t>(1 + random() % 10) * 86400};
        const std::string deadline = to_iso(add_days(local_date(decided), 21));
        const std::string manager = national_manager(unit.code);
        const std::string category = model.category->code;
        out_.insert(case_, case_id, unit_id, case_number(unit.code, local_date(applied).year), patient, category,
                    category == "nebulizer", returned ? "closed" : "delivered", to_iso(applied), to_iso(decided),
                    manager, model.category->default_loan_days, deadline, to_iso(applied), to_iso(delivered));
        out_.insert(decision_, case_id, manager, to_iso(decided), model.category->default_loan_days, deadline);
        out_.insert(journal_, case_id, to_iso(applied), to_iso(applied), manager);
        if (model.category->site_check_required)
            out_.insert(site_check_, case_id, to_iso(local_date(decided)), "EL-" + std::to_string(case_id),
                        to_iso(decided), manager, address);
        out_.insert(loan_, ++loan_id_, unit_id, case_id, device, to_iso(delivered), to_iso(due_on),
                    patient % 3 == 0 ? "shipped" : "discharge", manager, returned ? std::optional(to_iso(*returned))
                                                                                : std::nullopt,
                    returned ? "returned" : "");
        if (!returned) open_case_of_device_[device] = case_id;
    }

    void generate_unit(std::int64_t unit_id, const PlannedUnit& unit) {
        std::mt19937_64 random(static_cast<std::uint64_t>(unit_id) * 7919);
        const std::string manager = national_manager(unit.code);
        out_.insert(user_, unit_id, manager, "manager", password_hash_);
        std::array<std::int64_t, 2> warehouses{};
        for (int w = 0; w < 2; ++w) {
            warehouses[w] = ++warehouse_id_;
            out_.insert(warehouse_, warehouses[w], unit_id, w == 0 ? "Hovedlager" : "Fjernlager");
            for (int l = 1; l <= 40; ++l)
                out_.insert(location_, ++location_id_, warehouses[w],
                            std::string(1, static_cast<char>('A' + (l - 1) / 10)) + "-" + two_digits(l));
        }
        const std::int64_t first_location = location_id_ - 79;

        // Devices, and the open loans of those on loan.
        const auto states = device_states(unit.devices, unit.open_loans, random);
        const std::int64_t first_device = device_id_ + 1;
        std::vector<std::int64_t> in_stock;
        std::vector<Model> model_of(states.size(), Model{0, nullptr});
        std::vector<Timestamp> received_of(states.size());
        std::vector<std::int64_t> recalled;
        const bool recall_here = &unit == &plan_.largest_unit();
        for (std::size_t i = 0; i < states.size(); ++i) {
            const std::int64_t id = ++device_id_;
            const std::string state = states[i];
            const Model& model = pick_model(random);
            model_of[i] = model;
            const bool fresh = state == "received";
            const Timestamp received = days_before(now_, fresh ? static_cast<double>(random() % 10) + 0.5
                                                               : 800 + static_cast<double>(random() % 2500));
            received_of[i] = received;
            const std::int64_t warehouse = warehouses[random() % 2];
            std::optional<std::int64_t> location;
            if (state == "available") location = first_location + (warehouse == warehouses[0] ? 0 : 40) +
                                                 static_cast<std::int64_t>(random() % 40);
            // Electrical devices have a next inspection within their interval (a few overdue); a new one has
            // none yet (due at once); the rest of the flags follow the state.
            std::optional<std::string> due;
            const int interval_days = model.category->inspection_interval_months * 30;
            if (model.category->electrical && !fresh)
                due = to_iso(add_days(today_, -10 + static_cast<int>(random() % static_cast<std::uint64_t>(interval_days))));
            const bool cleaned = state != "received" && state != "returned";
            const bool inspected = cleaned && state != "in_service";
            out_.insert(device_, id, unit_id, model.id, unit.code + "-" + padded(id, 8),
                        barcode::make_asset_tag(static_cast<std::uint32_t>(id)), warehouse, location, state, cleaned,
                        inspected, state == "in_service", due, to_iso(received));
            if (state == "on_loan") {
                const Date due_on = add_days(today_, -30 + static_cast<int>(random() % 365));
                const Timestamp delivered = std::max(
                    Timestamp{received.unix_seconds + 86400},
                    Timestamp{start_of(add_days(due_on, -model.category->default_loan_days)).unix_seconds + 36000});
                loan(unit_id, unit, id, model, delivered, std::nullopt, due_on, random);
            } else if (state == "available") {
                in_stock.push_back(id);
            } else if (state == "in_service") {
                out_.insert(service_order_, id, unit_id, to_iso(days_before(now_, 1 + random() % 30)), manager);
            }
            if (recall_here && model.id == models_.at(recalled_category).front().id) recalled.push_back(id);
        }

        // Returned loans of devices now back in stock, delivered in the last two years.
        for (std::int64_t n = 0; n < unit.closed_loans && !in_stock.empty(); ++n) {
            const std::int64_t device = in_stock[random() % in_stock.size()];
            const auto& model = model_of[static_cast<std::size_t>(device - first_device)];
            const Timestamp delivered = days_before(now_, 40 + static_cast<double>(random() % 690));
            const Timestamp returned{delivered.unix_seconds + static_cast<std::int64_t>(7 + random() % 30) * 86400};
            loan(unit_id, unit, device, model, delivered, returned,
                 add_days(local_date(delivered), model.category->default_loan_days), random);
        }

        // The event log: each device's history, from receipt to the state it is in now.
        const std::int64_t per_device = std::max<std::int64_t>(1, unit.events / std::max<std::int64_t>(1, unit.devices));
        const std::array<std::array<const char*, 3>, 8> cycle{{{"cleaned", "received", "received"},
                                                              {"inspection_passed", "received", "available"},
                                                              {"moved", "available", "available"},
                                                              {"case_delivered", "available", "on_loan"},
                                                              {"returned", "on_loan", "returned"},
                                                              {"cleaned", "returned", "returned"},
                                                              {"inspection_passed", "returned", "available"},
                                                              {"moved", "available", "available"}}};
        for (std::size_t i = 0; i < states.size(); ++i) {
            const std::int64_t device = first_device + static_cast<std::int64_t>(i);
            const std::string state = states[i];
            const Timestamp from = received_of[i];
            const std::int64_t span = std::max<std::int64_t>(60, now_.unix_seconds - 3600 - from.unix_seconds);
            const std::int64_t count = state == "received" ? 1 : per_device;
            std::string before = "";
            for (std::int64_t e = 0; e < count; ++e) {
                const Timestamp at{from.unix_seconds + span * e / count};
                const bool last = e + 1 == count;
                std::string kind, after;
                if (e == 0) {
                    kind = "received";
                    after = "received";
                } else {
                    const auto& step = cycle[static_cast<std::size_t>((e - 1) % 8)];
                    kind = step[0];
                    after = step[2];
                }
                if (last && count > 1) {
                    kind = arriving_kind(state);
                    after = state;
                }
                std::optional<std::int64_t> case_id;
                if (last && state == "on_loan") case_id = open_case_of_device_.at(device);
                out_.insert(event_, unit_id, device, case_id, to_iso(at), manager, e % 2 == 0 ? "Mottak 1" : "",
                            kind, before, after, "{}");
                before = after;
            }
        }

        if (recall_here && !recalled.empty()) recall(unit_id, unit, recalled, states, first_device);
    }

    // One open field safety notice in the largest unit on all serials of one model, every device of it held.
    void recall(std::int64_t unit_id, const PlannedUnit& unit, const std::vector<std::int64_t>& devices,
                const std::vector<const char*>& states, std::int64_t first_device) {
        const Model& model = models_.at(recalled_category).front();
        const std::string manager = national_manager(unit.code);
        const Timestamp registered = days_before(now_, 5);
        out_.insert(notice_, std::int64_t{1}, unit_id, "FSN-BENCH-001", to_iso(local_date(registered)),
                    "Inspect the battery connector.", gtins_.at(model.id), model.id, to_iso(registered), manager);
        out_.insert(event_, unit_id, std::nullopt, std::nullopt, to_iso(registered), manager, "", "recall_registered",
                    "", "open", "{\"notice_id\":1}");
        for (const auto device : devices) {
            out_.insert(recall_device_, std::int64_t{1}, device, to_iso(registered));
            const std::string state = states[static_cast<std::size_t>(device - first_device)];
            out_.insert(event_, unit_id, device, std::nullopt, to_iso(registered), manager, "", "recall_hold", state,
                        state, "{\"notice_id\":1,\"held\":\"at registration\"}");
        }
    }

    BulkWriter& out_;
    const NationalPlan& plan_;
    const std::string password_hash_;
    const Timestamp now_;
    const Date today_;
    int region_, unit_, warehouse_, location_, user_, model_, device_, patient_, case_, decision_, journal_,
        site_check_, loan_, service_order_, event_, notice_, recall_device_;
    std::int64_t region_id_ = 0, warehouse_id_ = 0, location_id_ = 0, device_id_ = 0, patient_id_ = 0, case_id_ = 0,
                 loan_id_ = 0;
    std::map<std::string, std::vector<Model>> models_;
    std::map<std::int64_t, std::string> gtins_;
    std::map<std::pair<std::string, int>, int> case_numbers_;
    std::map<std::int64_t, std::int64_t> open_case_of_device_;
};

}  // namespace

std::string national_manager(const std::string& unit_code) { return "leder." + lower(unit_code); }

std::string national_store_path(double scale) {
    std::string name = "national-schema-" + std::to_string(db::embedded_migrations().back().version) + "-gen" +
                       std::to_string(national_generator_version);
    if (scale < 1.0) {
        char text[32];
        std::snprintf(text, sizeof text, "-scale%g", scale);
        name += text;
    }
    return std::string(folder) + "/" + name + ".db";
}

void build_national_store(const std::string& path, const NationalPlan& plan, const std::string& password_hash,
                          Timestamp now) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    db::open_sqlite_store(path).reset();   // the real migrations and reference categories
    std::int64_t closed_loans = 0;
    for (const auto& unit : plan.units) closed_loans += unit.closed_loans;
    // A device and its event log; a patient, case, decision, journal note, (mostly) site check and loan per loan.
    const std::int64_t planned = plan.devices() + (plan.open_loans() + closed_loans) * 6 + plan.events();
    BulkWriter out(path, planned);
    out.defer_indexes({"devices", "loans", "events", "cases", "patients", "decisions", "journal_notes", "site_checks",
                       "service_orders", "recall_devices"});
    Generator(out, plan, password_hash, now).run();
    out.finish();
}

std::string national_store(double scale, bool rebuild, const std::string& password_hash, Timestamp now) {
    const std::string path = national_store_path(scale);
    if (!rebuild && std::filesystem::exists(path)) return path;
    std::filesystem::create_directories(folder);
    const std::string partial = path + ".partial";
    const auto plan = national_plan(scale);
    std::fprintf(stderr, "Building the national store at %s (scale %g: %lld devices, %lld open loans, ~%lld events)\n",
                 path.c_str(), scale, static_cast<long long>(plan.devices()), static_cast<long long>(plan.open_loans()),
                 static_cast<long long>(plan.events()));
    build_national_store(partial, plan, password_hash, now);
    std::filesystem::rename(partial, path);
    return path;
}

}  // namespace bhm::bench
