// The store's inspection and service records: IEC 62353 inspections (append-only), service orders and
// the unit's register of test instruments. A narrow interface that Transaction inherits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"

namespace bhm::db {

class InspectionRecords {
public:
    virtual ~InspectionRecords() = default;

    // Inspections and service.
    virtual Id insert_inspection(const Inspection&) = 0;
    virtual std::vector<Inspection> inspections(Id device_id) = 0;
    virtual Id insert_service_order(const ServiceOrder&) = 0;
    virtual void update_service_order(const ServiceOrder&) = 0;
    virtual std::optional<ServiceOrder> service_order(Id) = 0;
    virtual std::optional<ServiceOrder> open_service_order(Id device_id) = 0;
    // The unit's register of test instruments; identity is unique within a unit.
    virtual Id insert_test_instrument(const TestInstrumentRecord&) = 0;
    virtual void update_test_instrument(const TestInstrumentRecord&) = 0;   // calibration date and interval
    virtual std::vector<TestInstrumentRecord> test_instruments(Id unit_id) = 0;
    virtual std::optional<TestInstrumentRecord> test_instrument(Id unit_id, const std::string& identity) = 0;
    virtual std::optional<TestInstrumentRecord> test_instrument_by_id(Id id) = 0;
};

}  // namespace bhm::db
