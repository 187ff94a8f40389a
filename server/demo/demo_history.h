// Writes the demo set's history by running the server's own workflows (server/services/) as the
// unit's staff at past times: each step is the same receive, inspection, case, loan or service
// command a user would send, so the rules, records and events are the services' own.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "db/store.h"
#include "server/demo/demo_catalogue.h"
#include "server/demo/demo_people.h"
#include "server/demo/demo_random.h"
#include "server/services/actor.h"
#include "shared/core/norway_time.h"
#include "shared/recalls/notice.h"

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

// One step of a story: refusals are not caught here. A service's ApiError means the demo plan broke
// a rule, and it propagates so the whole load rolls back and fails loudly.
class DemoHistory {
public:
    DemoHistory(db::Transaction& tx, DemoRandom& random, Timestamp now);

    Timestamp now() const { return now_; }
    Date today() const { return local_date(now_); }
    // A moment on the day `days_ago` days back, at about `hour` o'clock, never later than now.
    Timestamp day(int days_ago, int hour) const;

    // Devices (by id, as the services take them).
    db::Id receive(const LoadedUnit& unit, const db::Model& model, Timestamp at);
    void clean_and_inspect(const LoadedUnit& unit, db::Id device, const db::Model& model, Timestamp at);
    void reserve(const LoadedUnit& unit, db::Id device, db::Id case_id, Timestamp at);
    void deliver(const LoadedUnit& unit, db::Id device, db::Id case_id, Timestamp at);
    void take_return(const LoadedUnit& unit, db::Id device, Timestamp at);
    void open_service(const LoadedUnit& unit, db::Id device, const std::string& fault, const std::string& work,
                      Timestamp at);
    void retire(const LoadedUnit& unit, db::Id device, const std::string& reason, Timestamp at);
    void report_lost(const LoadedUnit& unit, db::Id device, const std::string& reason, Timestamp at);

    // Patients and cases: a new patient is drafted first, then registered with their case.
    PatientDraft new_patient(const LoadedUnit& unit);
    db::Id apply(const LoadedUnit& unit, const PatientDraft& patient, const std::string& category,
                 const Application& application, Timestamp at);
    void decide(const LoadedUnit& unit, db::Id case_id, bool approve, const std::string& grounds, Timestamp at);
    void journal_note(const LoadedUnit& unit, db::Id case_id, Timestamp at);
    void site_check_if_required(const LoadedUnit& unit, db::Id case_id, Timestamp at);
    void own_equipment(const LoadedUnit& unit, db::Id case_id, const std::string& note, Timestamp at);

    // A field safety notice registered by the unit's manager (defined in demo_recall.cpp).
    void register_recall(const LoadedUnit& unit, const NoticeDraft& draft, Timestamp at);

    int patients() const { return patients_; }

private:
    // The staff member doing a role's work at the unit, as a user calling the services at `at`.
    Actor actor(const LoadedUnit& unit, const std::string& role, Timestamp at);
    // The named instrument is in the register and in calibration on `test_day`.
    void calibrated(const Actor& technician, const std::string& identity, Date test_day);

    db::Transaction& tx_;
    DemoRandom& random_;
    Timestamp now_;
    std::set<std::string> national_ids_;
    std::map<std::string, db::Id> user_ids_;   // demo staff with a login; others act with id 0
    int patients_ = 0, serials_ = 0;
};

}  // namespace bhm::server::demo
