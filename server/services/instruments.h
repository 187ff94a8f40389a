// The unit's register of test instruments (IEC 62353 results count only from a calibrated one):
// registering an instrument, recording a new calibration, and finding the one an inspection names.
#pragma once

#include "server/services/actor.h"
#include "shared/inspection/test_instrument.h"

namespace bhm::server {

struct InstrumentCommand {
    std::string identity;
    Date calibrated_on;
    std::optional<int> calibration_interval_months;   // default 12
};

db::TestInstrumentRecord register_instrument(db::Transaction& tx, const Actor& actor, const InstrumentCommand& command);
// A new calibration of a registered instrument (its date, and the interval if given).
db::TestInstrumentRecord record_calibration(db::Transaction& tx, const Actor& actor, db::Id instrument_id,
                                            Date calibrated_on, std::optional<int> interval_months);
db::TestInstrumentRecord own_instrument(db::InspectionRecords& tx, const Actor& actor, db::Id instrument_id);
// The register entry of the caller's unit named `identity`, as the domain sees it (nullopt: unknown).
std::optional<TestInstrument> instrument_named(db::InspectionRecords& tx, const Actor& actor, const std::string& identity);

}  // namespace bhm::server
