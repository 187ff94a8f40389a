// Test-instrument register workflows: each change is a rule from shared/inspection/test_instrument.h,
// a row, and an event in the trail.
#include "server/services/instruments.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/core/identifier.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

TestInstrument domain(const db::TestInstrumentRecord& r) {
    return TestInstrument{r.identity, r.calibrated_on, r.calibration_interval_months};
}

void record(db::Transaction& tx, const Actor& actor, const std::string& kind, const db::TestInstrumentRecord& r) {
    Poco::JSON::Object data;
    data.set("instrument_id", r.id);
    data.set("identity", r.identity);
    data.set("calibrated_on", to_iso(r.calibrated_on));
    data.set("calibration_interval_months", r.calibration_interval_months);
    record_event(tx, actor, EventDraft{kind, std::nullopt, std::nullopt, "", "", json_text(data)});
}

}  // namespace

db::TestInstrumentRecord register_instrument(db::Transaction& tx, const Actor& actor, const InstrumentCommand& command) {
    db::TestInstrumentRecord r;
    r.unit_id = actor.caller.unit_id;
    if (auto refusal = check_identifier("instrument identity", command.identity)) refuse(*refusal);
    r.identity = command.identity;
    r.calibrated_on = command.calibrated_on;
    r.calibration_interval_months = command.calibration_interval_months.value_or(default_calibration_interval_months);
    r.registered_at = actor.now;
    r.registered_by = actor.caller.actor();
    if (auto refusal = check_instrument_entry(domain(r), local_date(actor.now))) refuse(*refusal);
    if (tx.test_instrument(r.unit_id, r.identity))
        refuse(RefusalKind::conflict, "duplicate", "The instrument '" + r.identity + "' is already in the register; record a new "
                               "calibration on it instead.");
    r.id = tx.insert_test_instrument(r);
    record(tx, actor, "instrument_registered", r);
    return r;
}

db::TestInstrumentRecord own_instrument(db::InspectionRecords& tx, const Actor& actor, db::Id instrument_id) {
    auto r = tx.test_instrument_by_id(instrument_id);
    if (!r || r->unit_id != actor.caller.unit_id) not_found("Test instrument " + std::to_string(instrument_id));
    return *r;
}

db::TestInstrumentRecord record_calibration(db::Transaction& tx, const Actor& actor, db::Id instrument_id,
                                            Date calibrated_on, std::optional<int> interval_months) {
    auto r = own_instrument(tx, actor, instrument_id);
    r.calibrated_on = calibrated_on;
    if (interval_months) r.calibration_interval_months = *interval_months;
    if (auto refusal = check_instrument_entry(domain(r), local_date(actor.now))) refuse(*refusal);
    tx.update_test_instrument(r);
    record(tx, actor, "instrument_calibrated", r);
    return r;
}

std::optional<TestInstrument> instrument_named(db::InspectionRecords& tx, const Actor& actor, const std::string& identity) {
    auto r = tx.test_instrument(actor.caller.unit_id, identity);
    if (!r) return std::nullopt;
    return domain(*r);
}

}  // namespace bhm::server
