// Tests for GS1 element strings: both the transmitted form (FNC1 sent as GS) and the bracketed
// human-readable form, with every refusal checked for its kind and byte offset.
#include <catch2/catch.hpp>

#include <string>

#include "shared/barcode/gs1.h"

using namespace bhm::barcode;

namespace {
const std::string GS = "\x1D";

GS1Data parsed_ok(const std::string& text, int reference_year = 2026) {
    auto outcome = parse_gs1(text, GS1Options{.reference_year = reference_year});
    INFO(text);
    INFO((outcome.ok() ? std::string{} : outcome.error->message));
    REQUIRE(outcome.ok());
    return *outcome.value;
}

ParseError refused(const std::string& text) {
    auto outcome = parse_gs1(text);
    INFO(text);
    REQUIRE_FALSE(outcome.ok());
    INFO(outcome.error->message);
    return *outcome.error;
}
}  // namespace

TEST_CASE("a GTIN, expiry and lot in transmitted form are split into AIs in scan order") {
    const auto data = parsed_ok("0109506000134352" "17201225" "10ABC123");
    REQUIRE(data.elements.size() == 3);
    CHECK(data.elements[0].ai == "01");
    CHECK(data.elements[0].value == "09506000134352");
    CHECK(data.elements[1].ai == "17");
    CHECK(data.elements[1].iso == "2020-12-25");
    CHECK(data.elements[2].ai == "10");
    CHECK(data.elements[2].value == "ABC123");
    CHECK(data.elements[2].at == 24);
}

TEST_CASE("the bracketed human-readable form gives the same elements as the transmitted form") {
    const auto bracketed = parsed_ok("(01)09506000134352(17)201225(10)ABC123");
    const auto transmitted = parsed_ok("0109506000134352" "17201225" "10ABC123");
    REQUIRE(bracketed.elements.size() == transmitted.elements.size());
    for (std::size_t i = 0; i < bracketed.elements.size(); ++i) {
        CHECK(bracketed.elements[i].ai == transmitted.elements[i].ai);
        CHECK(bracketed.elements[i].value == transmitted.elements[i].value);
        CHECK(bracketed.elements[i].iso == transmitted.elements[i].iso);
    }
    CHECK(bracketed.value_of("10") == "ABC123");
}

TEST_CASE("a GS ends variable-length data so that another AI can follow") {
    const auto data = parsed_ok("0109506000134352" "10ABC123" + GS + "21XYZ-42" + GS + "17201225");
    CHECK(data.value_of("10") == "ABC123");
    CHECK(data.value_of("21") == "XYZ-42");
    CHECK(data.iso_of("17") == "2020-12-25");
}

TEST_CASE("a leading GS (FNC1 in first position) is skipped") {
    const auto data = parsed_ok(GS + "0109506000134352");
    CHECK(data.value_of("01") == "09506000134352");
    CHECK(data.elements[0].at == 1);
}

TEST_CASE("a GS after a fixed-length field is tolerated") {
    const auto data = parsed_ok("0109506000134352" + GS + "17201225" + GS + "10ABC");
    CHECK(data.elements.size() == 3);
}

TEST_CASE("a GS at the very end after variable-length data is tolerated") {
    CHECK(parsed_ok("10ABC" + GS).value_of("10") == "ABC");
}

TEST_CASE("the SSCC in AI 00 is 18 digits with a check digit") {
    CHECK(parsed_ok("00106141412345678908").value_of("00") == "106141412345678908");
    const auto error = refused("00106141412345678907");
    CHECK(error.kind == ErrorKind::bad_check);
    CHECK(error.at == 19);
}

TEST_CASE("a wrong GTIN check digit is refused at the check digit's offset") {
    const auto error = refused("0109506000134353" "10ABC");
    CHECK(error.kind == ErrorKind::bad_check);
    CHECK(error.at == 15);
    CHECK(error.message.find("should be 2") != std::string::npos);
}

TEST_CASE("AI 02 carries a check digit like AI 01") {
    CHECK(refused("0209506000134351").kind == ErrorKind::bad_check);
    CHECK(parsed_ok("0209506000134352" "3712").value_of("37") == "12");
}

TEST_CASE("an AI that is not in the table is refused as unknown at its offset") {
    const auto error = refused("0109506000134352" "1912345");
    CHECK(error.kind == ErrorKind::unknown_ai);
    CHECK(error.at == 16);
}

TEST_CASE("a bracketed AI that is not in the table is refused as unknown") {
    const auto error = refused("(01)09506000134352(19)12345");
    CHECK(error.kind == ErrorKind::unknown_ai);
    CHECK(error.at == 19);
}

TEST_CASE("variable-length data longer than its maximum is refused as too long") {
    const auto error = refused("10" + std::string(21, 'A'));
    CHECK(error.kind == ErrorKind::too_long);
    CHECK(error.at == 22);
    CHECK(refused("(21)" + std::string(21, '1')).kind == ErrorKind::too_long);
}

TEST_CASE("fixed-length data cut short by the end of the scan is refused as too short") {
    const auto error = refused("0109506000");
    CHECK(error.kind == ErrorKind::too_short);
    CHECK(error.at == 10);
    CHECK(refused("(01)0950600013435").kind == ErrorKind::too_short);
}

TEST_CASE("an AI with no data before the next GS is refused as too short") {
    const auto error = refused("10" + GS + "21XYZ");
    CHECK(error.kind == ErrorKind::too_short);
    CHECK(error.at == 2);
}

TEST_CASE("a GS inside a fixed-length field is refused") {
    const auto error = refused("0109506000" + GS + "134352");
    CHECK(error.kind == ErrorKind::misplaced_separator);
    CHECK(error.at == 10);
}

TEST_CASE("two GS in a row are refused where the next AI should start") {
    const auto error = refused("10ABC" + GS + GS + "21XYZ");
    CHECK(error.kind == ErrorKind::misplaced_separator);
    CHECK(error.at == 6);
}

TEST_CASE("a letter in numeric data is refused as a bad character at its offset") {
    const auto error = refused("01095060001343A2");
    CHECK(error.kind == ErrorKind::bad_char);
    CHECK(error.at == 14);
}

TEST_CASE("a character outside GS1 set 82 in alphanumeric data is refused") {
    const auto space = refused("10AB CD");
    CHECK(space.kind == ErrorKind::bad_char);
    CHECK(space.at == 4);
    CHECK(refused("21ABC#").kind == ErrorKind::bad_char);
    CHECK(refused("21\xC3\xA9").kind == ErrorKind::bad_char);  // UTF-8 'e' with accent
}

TEST_CASE("every character of GS1 set 82 is accepted in alphanumeric data") {
    const std::string set82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    REQUIRE(set82.size() == 82);
    for (std::size_t i = 0; i < set82.size(); i += 20) {
        const auto chunk = set82.substr(i, 20);
        CHECK(parsed_ok("21" + chunk).value_of("21") == chunk);
    }
}

TEST_CASE("data that is not an AI where one should start is refused as a bad character") {
    const auto error = refused("0109506000134352" "AB");
    CHECK(error.kind == ErrorKind::bad_char);
    CHECK(error.at == 16);
}

TEST_CASE("a scan ending inside an AI is refused as too short") {
    CHECK(refused("0109506000134352" "1").kind == ErrorKind::too_short);
}

TEST_CASE("an empty element string is refused, also after a lone FNC1") {
    CHECK(refused("").kind == ErrorKind::empty);
    CHECK(refused(GS).kind == ErrorKind::empty);
}

TEST_CASE("the same AI twice with different data is refused, with the same data it is kept") {
    const auto error = refused("10ABC" + GS + "10DEF");
    CHECK(error.kind == ErrorKind::duplicate_ai);
    CHECK(error.at == 6);
    CHECK(parsed_ok("10ABC" + GS + "10ABC").elements.size() == 2);
}

TEST_CASE("GDTI in AI 253 is 13 digits with a check digit plus an optional serial component") {
    CHECK(parsed_ok("2539506000134352").value_of("253") == "9506000134352");
    CHECK(parsed_ok("2539506000134352ABC-1" + GS + "10X").value_of("253") == "9506000134352ABC-1");
    CHECK(refused("2539506000134353ABC").kind == ErrorKind::bad_check);
    CHECK(refused("253950600013435").kind == ErrorKind::too_short);
    CHECK(refused("253950600013435A").kind == ErrorKind::bad_char);
    CHECK(refused("2539506000134352" + std::string(18, 'X')).kind == ErrorKind::too_long);
}

TEST_CASE("GIAI in AI 8004 is variable length up to 30 characters") {
    CHECK(parsed_ok("80040614141ABC123" + GS + "21S1").value_of("8004") == "0614141ABC123");
    CHECK(refused("8004" + std::string(31, '7')).kind == ErrorKind::too_long);
}

TEST_CASE("AI 7003 is an expiry date and time YYMMDDhhmm") {
    CHECK(parsed_ok("70032512311530").iso_of("7003") == "2025-12-31T15:30");
    const auto minute = refused("70032512311560");
    CHECK(minute.kind == ErrorKind::invalid_date);
    CHECK(minute.at == 12);
    CHECK(refused("70032512312430").kind == ErrorKind::invalid_date);
    CHECK(refused("70032512001530").kind == ErrorKind::invalid_date);  // DD = 00 is not allowed here
}

TEST_CASE("measure AIs 310n-369n take six digits after the decimal-point digit") {
    const auto data = parsed_ok("0109506000134352" "3103001250" "10L1");
    CHECK(data.value_of("3103") == "001250");
    CHECK(data.value_of("10") == "L1");
}

TEST_CASE("the AI table is prefix-free so that AIs can be read without separators") {
    const auto table = ai_table();
    for (const auto& a : table) {
        for (const auto& b : table) {
            if (&a == &b || a.ai.size() > b.ai.size()) continue;
            bool prefix = true;
            for (std::size_t i = 0; i < a.ai.size(); ++i) {
                if (a.ai[i] != b.ai[i] && a.ai[i] != 'n' && b.ai[i] != 'n') prefix = false;
            }
            INFO(a.ai << " vs " << b.ai);
            CHECK_FALSE(prefix);
        }
    }
}

TEST_CASE("the brief's required AIs are all in the table") {
    for (const char* ai : {"00", "01", "02", "10", "11", "12", "13", "15", "16", "17", "20", "21", "22", "30",
                           "37", "240", "241", "250", "251", "253", "254", "7003", "8004"}) {
        INFO(ai);
        CHECK(find_ai(ai) != nullptr);
    }
}

TEST_CASE("a different FNC1 stand-in can be configured for readers that do not send GS") {
    auto outcome = parse_gs1("10ABC~21XYZ", GS1Options{.reference_year = 2026, .separator = '~'});
    REQUIRE(outcome.ok());
    CHECK(outcome.value->value_of("21") == "XYZ");
}

TEST_CASE("in the bracketed form a parenthesis that does not open an AI stays in the data") {
    CHECK(refused("(01)09506000134352(1)5").kind == ErrorKind::too_long);
    CHECK(parsed_ok("(10)A(B)(21)7").value_of("10") == "A(B)");
}

TEST_CASE("a reference year outside 1100..9900 is refused instead of giving odd dates") {
    auto outcome = parse_gs1("17201225", GS1Options{.reference_year = 0});
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error->kind == ErrorKind::malformed);
}
