// Proves the case rules: only an applied case is decided, every decision has grounds and a complaint right
// to Statsforvalteren, the journal note names the doctor by HPR number, and waiting times are counted.
#include <catch2/catch.hpp>

#include "shared/cases/case_flow.h"

using namespace bhm;

namespace {
DecisionInput approval(int loan_days = 365) {
    return DecisionInput{true, "COPD with documented hypoxaemia", "kari.caseworker", loan_days, Date{2024, 5, 2}};
}
std::string decision_code(CaseStatus status, const DecisionInput& input) {
    auto refusal = check_decision(status, input);
    return refusal ? refusal->code : "ok";
}
}  // namespace

TEST_CASE("case statuses round-trip through their names") {
    for (auto status : {CaseStatus::applied, CaseStatus::approved, CaseStatus::rejected, CaseStatus::delivered,
                        CaseStatus::closed, CaseStatus::own_equipment}) {
        CHECK(parse_case_status(to_string(status)) == status);
    }
    CHECK_FALSE(parse_case_status("pending"));
}

TEST_CASE("only an applied case can be decided") {
    CHECK(decision_code(CaseStatus::applied, approval()) == "ok");
    for (auto status : {CaseStatus::approved, CaseStatus::rejected, CaseStatus::delivered, CaseStatus::closed}) {
        auto refusal = check_decision(status, approval());
        REQUIRE(refusal);
        CHECK(refusal->code == "case_already_decided");
        CHECK(refusal->message.find(to_string(status)) != std::string::npos);
    }
}

TEST_CASE("a decision without grounds is refused") {
    DecisionInput input = approval();
    input.grounds = "  \t";
    auto refusal = check_decision(CaseStatus::applied, input);
    REQUIRE(refusal);
    CHECK(refusal->code == "decision_grounds_missing");
    CHECK(refusal->rule.find("§ 2-1 b") != std::string::npos);
}

TEST_CASE("a decision must name its caseworker") {
    DecisionInput input = approval();
    input.caseworker = "";
    CHECK(decision_code(CaseStatus::applied, input) == "caseworker_missing");
}

TEST_CASE("an approval needs a loan period between 1 and 3650 days") {
    CHECK(decision_code(CaseStatus::applied, approval(1)) == "ok");
    CHECK(decision_code(CaseStatus::applied, approval(3650)) == "ok");
    CHECK(decision_code(CaseStatus::applied, approval(0)) == "loan_days_out_of_range");
    CHECK(decision_code(CaseStatus::applied, approval(3651)) == "loan_days_out_of_range");
    CHECK(decision_code(CaseStatus::applied, approval(-5)) == "loan_days_out_of_range");
}

TEST_CASE("a rejection needs grounds but no loan period") {
    DecisionInput rejection{false, "Criteria for long-term oxygen therapy not met", "kari.caseworker", 0,
                            Date{2024, 5, 2}};
    CHECK(decision_code(CaseStatus::applied, rejection) == "ok");
}

TEST_CASE("a case is delivered only when approved and closed only when delivered") {
    CHECK_FALSE(check_case_delivery(CaseStatus::approved));
    CHECK(check_case_delivery(CaseStatus::applied)->code == "invalid_case_transition");
    CHECK(check_case_delivery(CaseStatus::rejected)->code == "invalid_case_transition");
    CHECK_FALSE(check_case_close(CaseStatus::delivered));
    CHECK(check_case_close(CaseStatus::approved)->code == "invalid_case_transition");
}

TEST_CASE("every decision tells how to complain to Statsforvalteren within four weeks") {
    ComplaintRight right = complaint_right(Date{2024, 2, 10});
    CHECK(right.authority == "Statsforvalteren");
    CHECK(right.law == "pasient- og brukerrettighetsloven § 7-2");
    CHECK(right.deadline == Date{2024, 3, 9});  // 28 days across a leap February
    CHECK(right.text_no.find("Statsforvalteren") != std::string::npos);
    CHECK(right.text_no.find("2024-03-09") != std::string::npos);
    CHECK(right.text_en.find("four weeks") != std::string::npos);
}

TEST_CASE("a journal note needs the doctor's HPR number and a time") {
    const Timestamp written{1714636800};  // 2024-05-02T08:00:00Z
    CHECK_FALSE(check_journal_note({"9144889", written}));
    auto bad_hpr = check_journal_note({"91-44", written});
    REQUIRE(bad_hpr);
    CHECK(bad_hpr->code == "hpr_number_format");
    CHECK(bad_hpr->rule == "Prosedyre pkt. 7");
    CHECK(check_journal_note({"9144889", Timestamp{0}})->code == "journal_note_time");
}

TEST_CASE("a journal note cannot be dated after now") {
    const Timestamp now{1714636800};
    CHECK_FALSE(check_journal_note({"9144889", now}, now));
    CHECK(check_journal_note({"9144889", Timestamp{now.unix_seconds + 1}}, now)->code == "journal_note_in_future");
}

TEST_CASE("waiting times count days from application to decision to delivery") {
    WaitingTimes times = waiting_times(Date{2024, 1, 10}, Date{2024, 1, 15}, Date{2024, 2, 1});
    CHECK(times.application_to_decision_days == 5);
    CHECK(times.decision_to_delivery_days == 17);
    CHECK(times.application_to_delivery_days == 22);
}

TEST_CASE("waiting times are missing for steps not yet taken") {
    WaitingTimes undecided = waiting_times(Date{2024, 1, 10}, std::nullopt, std::nullopt);
    CHECK_FALSE(undecided.application_to_decision_days);
    CHECK_FALSE(undecided.decision_to_delivery_days);
    CHECK_FALSE(undecided.application_to_delivery_days);
    WaitingTimes same_day = waiting_times(Date{2024, 1, 10}, Date{2024, 1, 10}, std::nullopt);
    CHECK(same_day.application_to_decision_days == 0);
    CHECK_FALSE(same_day.decision_to_delivery_days);
    WaitingTimes backwards = waiting_times(Date{2024, 1, 10}, Date{2024, 1, 9}, std::nullopt);
    CHECK_FALSE(backwards.application_to_decision_days);
}

TEST_CASE("a journal note dated before the application is refused") {
    const Timestamp applied = *parse_iso_timestamp("2026-11-20T09:00:00Z");
    const Timestamp now = *parse_iso_timestamp("2026-11-22T09:00:00Z");
    auto refusal = check_journal_note({"9144889", *parse_iso_timestamp("1975-06-01T10:00:00Z")}, applied, now);
    REQUIRE(refusal);
    CHECK(refusal->code == "journal_note_before_application");
    CHECK(refusal->rule == "Prosedyre pkt. 7");
    // The same Norwegian day as the application is fine (written that morning, registered later).
    CHECK_FALSE(check_journal_note({"9144889", *parse_iso_timestamp("2026-11-20T07:00:00Z")}, applied, now));
    CHECK(check_journal_note({"9144889", *parse_iso_timestamp("2026-11-23T07:00:00Z")}, applied, now)->code ==
          "journal_note_in_future");
}

TEST_CASE("a correction of a journal note or site check needs a reason") {
    CHECK_FALSE(check_correction("journal note", false, ""));
    auto refusal = check_correction("journal note", true, "  ");
    REQUIRE(refusal);
    CHECK(refusal->code == "correction_reason_missing");
    CHECK(refusal->message.find("earlier one stays") != std::string::npos);
    CHECK_FALSE(check_correction("journal note", true, "Wrong HPR number typed"));
}
