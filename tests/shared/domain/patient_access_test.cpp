// Patient identity is for the unit's case staff; the log of who saw it is for its managers.
#include <catch2/catch.hpp>

#include "shared/people/patient_access.h"

using namespace bhm;

TEST_CASE("only the unit's caseworkers, managers and admins may see a patient's national ID and address") {
    for (const char* role : {"caseworker", "manager", "admin"}) {
        INFO(role);
        CHECK(may_see_patient_identity(role, true));
        CHECK_FALSE(may_see_patient_identity(role, false));   // another unit, even a manager in the region
    }
    for (const char* role : {"warehouse", "technician", "station", ""}) {
        INFO(role);
        CHECK_FALSE(may_see_patient_identity(role, true));
    }
}

TEST_CASE("only managers and admins may read the patient access log") {
    CHECK(may_read_patient_access_log("manager"));
    CHECK(may_read_patient_access_log("admin"));
    for (const char* role : {"caseworker", "warehouse", "technician", "station"}) CHECK_FALSE(may_read_patient_access_log(role));
}
