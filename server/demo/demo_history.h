// Writes the demo set's history through the domain's own rules: every device move goes through
// shared/'s lifecycle apply(), every inspection through evaluate_inspection(), every case through the
// requester and decision rules, and each step appends its event, as the services would have.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/store.h"
#include "server/demo/demo_catalogue.h"
#include "server/demo/demo_people.h"
#include "server/demo/demo_random.h"
#include "shared/devices/lifecycle.h"
#include "shared/core/norway_time.h"

namespace bhm::server::demo {

// A unit as loaded: its records and who does what there.
struct LoadedUnit {
    db::Unit unit;
    const UnitPlan* plan = nullptr;
    db::Id warehouse = 0;
    std::vector<db::Id> shelves;
    bool first = false, second = false;  // the first unit has the demo users; the second has warehouse2
    std::string staff(const std::string& role) const;  // the username (or staff name) doing a role's work
};

class DemoHistory {
public:
    DemoHistory(db::Transaction& tx, DemoRandom& random, Timestamp now);

    Timestamp now() const { return now_; }
    Date today() const { return local_date(now_); }
    // A moment on the day `days_ago` days back, at about `hour` o'clock, never later than now.
    Timestamp day(int days_ago, int hour) const;

    // Devices.
    db::Device receive(const LoadedUnit& unit, const db::Model& model, Timestamp at);
    void clean_and_inspect(const LoadedUnit& unit, db::Device& device, const db::Model& model, Timestamp at);
    void reserve(const LoadedUnit& unit, db::Device& device, const db::Case& c, Timestamp at);
    db::Loan deliver(const LoadedUnit& unit, db::Device& device, db::Case& c, Timestamp at);
    void take_return(const LoadedUnit& unit, db::Device& device, db::Loan& loan, db::Case& c, Timestamp at);
    void open_service(const LoadedUnit& unit, db::Device& device, const std::string& fault, Timestamp at);
    void retire(const LoadedUnit& unit, db::Device& device, const std::string& reason, Timestamp at);
    void report_lost(const LoadedUnit& unit, db::Device& device, const std::string& reason, Timestamp at);

    // Patients and cases.
    db::Id new_patient(const LoadedUnit& unit, Timestamp at);
    db::Case apply(const LoadedUnit& unit, db::Id patient_id, const std::string& category,
                   const Application& application, Timestamp at);
    void decide(const LoadedUnit& unit, db::Case& c, bool approve, const std::string& grounds, Timestamp at);
    void journal_note(const LoadedUnit& unit, db::Case& c, Timestamp at);
    void site_check_if_required(const LoadedUnit& unit, const db::Case& c, Timestamp at);
    void own_equipment(const LoadedUnit& unit, db::Case& c, const std::string& note, Timestamp at);

    int patients() const { return patients_; }
    int devices() const { return devices_; }
    int cases() const { return cases_; }

private:
    void move(const LoadedUnit& unit, db::Device& device, DeviceAction action, const std::string& actor,
              std::optional<db::Id> case_id, const std::string& data_json, Timestamp at);
    void event(const LoadedUnit& unit, const std::string& kind, std::optional<db::Id> device_id,
               std::optional<db::Id> case_id, const std::string& before, const std::string& after,
               const std::string& actor, const std::string& data_json, Timestamp at);
    void save_case(const LoadedUnit& unit, db::Case& c, const std::string& kind, CaseStatus before,
                   const std::string& actor, const std::string& data_json, Timestamp at);
    const db::Category& category(const std::string& code);

    db::Transaction& tx_;
    DemoRandom& random_;
    Timestamp now_;
    std::set<std::string> national_ids_;
    std::vector<db::Category> categories_;
    int patients_ = 0, devices_ = 0, cases_ = 0;
};

}  // namespace bhm::server::demo
