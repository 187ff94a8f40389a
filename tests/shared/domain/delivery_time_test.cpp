// A delivery may be recorded afterwards, but not before the application or decision, nor ahead of time.
#include <catch2/catch.hpp>

#include "shared/loans/delivery_time.h"

using namespace bhm;

TEST_CASE("a delivery is recorded between the decision and now, and nowhere else") {
    const Timestamp applied{1000}, decided{2000}, now{5000};
    CHECK_FALSE(check_delivery_time(Timestamp{3000}, applied, decided, now));
    CHECK_FALSE(check_delivery_time(decided, applied, decided, now));
    CHECK_FALSE(check_delivery_time(now, applied, decided, now));
    CHECK(check_delivery_time(Timestamp{5001}, applied, decided, now)->code == "delivery_in_future");
    CHECK(check_delivery_time(Timestamp{999}, applied, decided, now)->code == "delivery_before_application");
    CHECK(check_delivery_time(Timestamp{1500}, applied, decided, now)->code == "delivery_before_decision");
    CHECK_FALSE(check_delivery_time(Timestamp{1500}, applied, std::nullopt, now));
}
