// Field safety notices (shared/recalls/): what a notice covers, what it blocks, and when it closes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "delivery_fixture.h"
#include "shared/loans/reservation.h"
#include "shared/recalls/coverage.h"
#include "shared/recalls/hold.h"
#include "shared/recalls/progress.h"

using namespace bhm;

namespace {

const std::string gtin = "09506000134352";

Coverage range(std::string from, std::string to) {
    Coverage c;
    c.kind = CoverageKind::serial_range;
    c.gtin = gtin;
    c.serial_from = std::move(from);
    c.serial_to = std::move(to);
    return c;
}

bool has_code(const std::vector<Refusal>& reasons, const std::string& code) {
    return std::any_of(reasons.begin(), reasons.end(), [&](const Refusal& r) { return r.code == code; });
}

NoticeDraft draft() {
    NoticeDraft d;
    d.reference = "FSN-2026-014";
    d.issued_on = Date{2026, 11, 20};
    d.action = RecallAction::inspect;
    d.user_text = "Check the power inlet for cracks.";
    d.coverage = range("SN1000", "SN1200");
    return d;
}

}  // namespace

TEST_CASE("a serial inside the notice's range is covered") {
    const auto c = range("SN1000", "SN1200");
    CHECK(covers_serial(c, gtin, "SN1000"));
    CHECK(covers_serial(c, gtin, "SN1100"));
    CHECK(covers_serial(c, gtin, "SN1200"));
}

TEST_CASE("a serial outside the range, of another prefix or another GTIN is not covered") {
    const auto c = range("SN1000", "SN1200");
    CHECK_FALSE(covers_serial(c, gtin, "SN0999"));
    CHECK_FALSE(covers_serial(c, gtin, "SN1201"));
    CHECK_FALSE(covers_serial(c, gtin, "XN1100"));
    CHECK_FALSE(covers_serial(c, gtin, "SN"));
    CHECK_FALSE(covers_serial(c, "09506000134369", "SN1100"));
}

TEST_CASE("a serial range compares the trailing numbers as numbers, leading zeros aside and of any length") {
    CHECK(serial_in_range("SN0999", "SN100", "SN1000"));     // 999 is in 100..1000 though "SN0999" < "SN100" as text
    CHECK_FALSE(serial_in_range("SN99", "SN100", "SN1000"));
    CHECK(serial_in_range("A123456789012345678901", "A123456789012345678900", "A123456789012345678999"));
    CHECK_FALSE(serial_in_range("SN5", "SN9", "SN1"));       // ends reversed: no range
}

TEST_CASE("a serial list covers exactly its serials") {
    Coverage c;
    c.kind = CoverageKind::serial_list;
    c.gtin = gtin;
    c.serials = {"A17", "B-20"};
    CHECK(covers_serial(c, gtin, "A17"));
    CHECK(covers_serial(c, gtin, "B-20"));
    CHECK_FALSE(covers_serial(c, gtin, "a17"));
    CHECK_FALSE(covers_serial(c, gtin, "A1"));
}

TEST_CASE("a notice on every serial of a GTIN covers every device and every lot of it") {
    Coverage c;
    c.gtin = gtin;
    CHECK(covers_serial(c, gtin, "anything"));
    CHECK(covers_lot(c, gtin, "L1"));
    CHECK_FALSE(covers_serial(c, "09506000134369", "anything"));
}

TEST_CASE("a lot list matches only its lots") {
    Coverage c;
    c.kind = CoverageKind::lot_list;
    c.gtin = gtin;
    c.lots = {"L2026-11", "L2026-12"};
    CHECK(covers_lot(c, gtin, "L2026-11"));
    CHECK_FALSE(covers_lot(c, gtin, "L2026-10"));
    CHECK_FALSE(covers_lot(c, "09506000134369", "L2026-11"));
    CHECK_FALSE(covers_serial(c, gtin, "L2026-11"));   // devices carry serials, not lots
    CHECK_FALSE(covers_lot(range("L2026-00", "L2026-99"), gtin, "L2026-11"));   // a serial range covers no lot
}

TEST_CASE("a notice needs its reference, its text, a date not in the future and a valid coverage") {
    CHECK(check_notice(draft(), Date{2026, 11, 21}).empty());
    auto d = draft();
    d.reference = " ";
    d.user_text = "";
    d.issued_on = Date{2026, 12, 1};
    d.coverage = range("SN1200", "SN1000");
    const auto reasons = check_notice(d, Date{2026, 11, 21});
    CHECK(has_code(reasons, "recall_reference_missing"));
    CHECK(has_code(reasons, "recall_text_missing"));
    CHECK(has_code(reasons, "recall_issued_in_future"));
    CHECK(has_code(reasons, "recall_range_invalid"));
}

TEST_CASE("a serial range must have ends of one prefix ending in digits, and a list must not be empty") {
    CHECK(check_coverage(range("SN1000", "XN1200"))->code == "recall_range_invalid");
    CHECK(check_coverage(range("ABC", "ABD"))->code == "recall_range_invalid");
    CHECK_FALSE(check_coverage(range("SN7", "SN7")));
    Coverage list;
    list.kind = CoverageKind::lot_list;
    list.gtin = gtin;
    CHECK(check_coverage(list)->code == "recall_list_empty");
    list.lots.assign(max_listed_items + 1, "L1");
    CHECK(check_coverage(list)->code == "recall_list_too_long");
}

TEST_CASE("a device covered by an open notice is not delivered until its action is done") {
    auto check = testing::ready_delivery();
    REQUIRE(check_delivery(check).empty());
    check.recall_holds = {{7, "FSN-2026-014", RecallAction::modify}};
    const auto reasons = check_delivery(check);
    REQUIRE(has_code(reasons, "recall_action_pending"));
    const auto& refusal = *std::find_if(reasons.begin(), reasons.end(),
                                        [](const Refusal& r) { return r.code == "recall_action_pending"; });
    CHECK(refusal.message.find("FSN-2026-014") != std::string::npos);   // the notice is named
    check.recall_holds.clear();                                          // the action recorded: no hold left
    CHECK(check_delivery(check).empty());
}

TEST_CASE("a device covered by an open notice may not be picked (reserved)") {
    auto check = testing::ready_delivery();
    check.recall_holds = {{7, "FSN-2026-014", RecallAction::inspect}, {9, "FSN-2026-020", RecallAction::replace}};
    const auto reasons = check_reservation(check);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "recall_action_pending");
    CHECK(reasons[0].message.find("FSN-2026-014 (inspect) and FSN-2026-020 (replace)") != std::string::npos);
}

TEST_CASE("a later receipt is caught by an open notice") {
    std::vector<OpenNotice> open{{3, range("SN1000", "SN1200")}, {4, range("SN5000", "SN5999")}};
    CHECK(notices_catching_receipt(open, gtin, "SN1150") == std::vector<std::int64_t>{3});
    CHECK(notices_catching_receipt(open, gtin, "SN2000").empty());
    CHECK(notices_catching_receipt(open, "09506000134369", "SN1150").empty());
}

TEST_CASE("a notice closes when every covered device and lot is done, and not while it covers nothing") {
    CHECK_FALSE(notice_complete({0, 0}));   // nothing covered yet: a later receipt may still be caught
    CHECK_FALSE(notice_complete({2, 3}));
    CHECK(notice_complete({3, 3}));
}

TEST_CASE("the action is recorded once per device, and not on a closed notice") {
    CHECK_FALSE(check_action_record(false, false));
    CHECK(check_action_record(false, true)->code == "recall_already_done");
    CHECK(check_action_record(true, false)->code == "recall_closed");
}

TEST_CASE("an affected device is listed by where it is now") {
    CHECK(whereabouts_of(DeviceState::available) == RecallWhereabouts::in_stock);
    CHECK(whereabouts_of(DeviceState::received) == RecallWhereabouts::in_stock);
    CHECK(whereabouts_of(DeviceState::reserved) == RecallWhereabouts::reserved);
    CHECK(whereabouts_of(DeviceState::on_loan) == RecallWhereabouts::on_loan);
    CHECK(whereabouts_of(DeviceState::in_service) == RecallWhereabouts::in_service);
    CHECK(whereabouts_of(DeviceState::returned) == RecallWhereabouts::returned);
    CHECK(whereabouts_of(DeviceState::retired) == RecallWhereabouts::written_off);
    CHECK(whereabouts_of(DeviceState::lost) == RecallWhereabouts::written_off);
}

TEST_CASE("recall actions and coverage kinds read back from their names") {
    CHECK(parse_recall_action("return") == RecallAction::return_to_manufacturer);
    CHECK(parse_recall_action("stop_using") == RecallAction::stop_using);
    CHECK_FALSE(parse_recall_action("destroy"));
    CHECK(parse_coverage_kind("lot_list") == CoverageKind::lot_list);
    CHECK_FALSE(parse_coverage_kind("some"));
}
