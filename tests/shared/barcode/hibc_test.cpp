// Tests for HIBC LIC labels: published examples first (HIBCC standard, reader manuals, real
// labels), then each secondary format and every refusal with its offset.
#include <catch2/catch.hpp>

#include <string>

#include "shared/barcode/hibc.h"

using namespace bhm::barcode;

namespace {
HibcCode parsed_ok(const std::string& text, HibcOptions options = {}) {
    auto outcome = parse_hibc(text, options);
    INFO(text);
    INFO((outcome.ok() ? std::string{} : outcome.error->message + " at " + std::to_string(outcome.error->at)));
    REQUIRE(outcome.ok());
    return *outcome.value;
}

ParseError refused(const std::string& text) {
    auto outcome = parse_hibc(text);
    INFO(text);
    REQUIRE_FALSE(outcome.ok());
    INFO(outcome.error->message);
    return *outcome.error;
}

// Appends the mod-43 check character, for formats without a published example.
std::string with_check(const std::string& data) { return data + *hibc_check_character(data); }
}  // namespace

TEST_CASE("the HIBC mod-43 table gives each character its position in 0-9 A-Z - . space $ / + %") {
    CHECK(hibc_value('0') == 0);
    CHECK(hibc_value('A') == 10);
    CHECK(hibc_value('Z') == 35);
    CHECK(hibc_value('-') == 36);
    CHECK(hibc_value(' ') == 38);
    CHECK(hibc_value('+') == 41);
    CHECK(hibc_value('%') == 42);
    CHECK(hibc_value('a') == -1);
    CHECK(hibc_value('*') == -1);
    CHECK(hibc_character(16) == 'G');
}

TEST_CASE("published primary example +A123BJC5D6E71 has check character G") {
    // Zebra DS4308/DS8108 Product Reference Guide, "Health Industry - HIBCC43": sum 145, 145 mod 43 = 16 = G.
    CHECK(hibc_check_character("+A123BJC5D6E71") == 'G');
    const auto code = parsed_ok("+A123BJC5D6E71G");
    REQUIRE(code.primary);
    CHECK(code.primary->labeler == "A123");
    CHECK(code.primary->product == "BJC5D6E7");
    CHECK(code.primary->unit_of_measure == '1');
    CHECK(code.check_character == 'G');
    CHECK_FALSE(code.secondary);
}

TEST_CASE("published concatenated example +A99912345/$$52001510X3 has check character 3") {
    const auto code = parsed_ok("+A99912345/$$52001510X33");
    REQUIRE(code.primary);
    CHECK(code.primary->labeler == "A999");
    CHECK(code.primary->product == "1234");
    CHECK(code.primary->unit_of_measure == '5');
    REQUIRE(code.secondary);
    CHECK(code.secondary->expiry == "2020-01-15");  // $$5: Julian YYJJJ 20015
    CHECK(code.secondary->lot == "10X3");
}

TEST_CASE("HIBCC example with $$3 expiry, lot and supplemental serial /S parses all three") {
    const auto code = parsed_ok("+J123AQ3451/$$3231231BC34567/S4012R");
    CHECK(code.primary->labeler == "J123");
    CHECK(code.primary->product == "AQ345");
    CHECK(code.secondary->expiry == "2023-12-31");
    CHECK(code.secondary->lot == "BC34567");
    CHECK(code.secondary->serial == "4012");
}

TEST_CASE("supplemental /16D production date and /14D expiry are full YYYYMMDD dates") {
    const auto a = parsed_ok("+A99912345/$$52001510X3/16D20111212/S77DEFG457");
    CHECK(a.secondary->production_date == "2011-12-12");
    CHECK(a.secondary->serial == "77DEFG45");
    const auto b = parsed_ok("+A99912345/$10X3/16D20111231/14D202001313");
    CHECK(b.secondary->lot == "10X3");
    CHECK(b.secondary->expiry == "2020-01-31");
    CHECK(b.secondary->production_date == "2011-12-31");
    const auto c = parsed_ok("+A99912349/$10X3/16D20111231/14D20200131/Q500Z");
    CHECK(c.primary->unit_of_measure == '9');
    CHECK(c.secondary->quantity == "500");
}

TEST_CASE("a standalone secondary ends in its primary's check character as link, then its own") {
    const std::string primary = with_check("+J123AQ3451");
    const char link = primary.back();
    const auto first = parsed_ok(primary);
    const auto second = parsed_ok(with_check("+$$2123125BC34567" + std::string(1, link)));  // $$2: MMDDYY
    CHECK_FALSE(second.primary);
    CHECK(second.link_character == first.check_character);
    CHECK(second.secondary->expiry == "2025-12-31");
    CHECK(second.secondary->lot == "BC34567");
}

TEST_CASE("an MMYY expiry after $$ means the last day of that month") {
    const auto feb = parsed_ok("+$$02231162074ZA");
    CHECK(feb.secondary->expiry == "2023-02-28");
    CHECK(feb.secondary->lot == "1162074");
    CHECK(feb.link_character == 'Z');
    const auto june = parsed_ok("+$$0624J139276%5");
    CHECK(june.secondary->expiry == "2024-06-30");
    CHECK(june.secondary->lot == "J139276");
    CHECK(june.link_character == '%');
}

TEST_CASE("$$4 and $$6 carry an expiry hour") {
    const auto ymdh = parsed_ok(with_check("+A99912345/$$425063014LOT7"));
    CHECK(ymdh.secondary->expiry == "2025-06-30");
    CHECK(ymdh.secondary->expiry_hour == 14);
    CHECK(ymdh.secondary->lot == "LOT7");
    const auto julian = parsed_ok(with_check("+A99912345/$$62406023LOT8"));
    CHECK(julian.secondary->expiry == "2024-02-29");
    CHECK(julian.secondary->expiry_hour == 23);
    CHECK(refused(with_check("+A99912345/$$425063024LOT7")).kind == ErrorKind::invalid_date);
}

TEST_CASE("$$7 has a lot and no expiry") {
    const auto code = parsed_ok(with_check("+A99912345/$$7LOT9"));
    CHECK(code.secondary->lot == "LOT9");
    CHECK(code.secondary->expiry.empty());
}

TEST_CASE("$$8 and $$9 put a 2- or 5-digit quantity before the date format") {
    const auto two = parsed_ok(with_check("+A99912345/$$8020423286539"));
    CHECK(two.secondary->quantity == "02");
    CHECK(two.secondary->expiry == "2023-04-30");
    CHECK(two.secondary->lot == "286539");
    const auto five = parsed_ok(with_check("+A99912345/$$9001003251231LOTQ"));
    CHECK(five.secondary->quantity == "00100");
    CHECK(five.secondary->expiry == "2025-12-31");
    CHECK(five.secondary->lot == "LOTQ");
}

TEST_CASE("$+ and $$+ carry a serial number instead of a lot") {
    const auto serial = parsed_ok(with_check("+A99912345/$+SN0001"));
    CHECK(serial.secondary->serial == "SN0001");
    CHECK(serial.secondary->lot.empty());
    const auto dated = parsed_ok(with_check("+A99912345/$$+3270131SN0002"));
    CHECK(dated.secondary->serial == "SN0002");
    CHECK(dated.secondary->expiry == "2027-01-31");
}

TEST_CASE("the older 5-digit Julian form is a date followed by the lot") {
    const auto code = parsed_ok(with_check("+25032LOTJG"));  // link G: the primary +A123BJC5D6E71G
    CHECK(code.link_character == 'G');
    CHECK(code.secondary->expiry == "2025-02-01");
    CHECK(code.secondary->lot == "LOTJ");
}

TEST_CASE("a reader that stripped the check character still gives the data") {
    const auto code = parsed_ok("+A123BJC5D6E71", HibcOptions{.check_character_present = false});
    CHECK(code.primary->product == "BJC5D6E7");
    CHECK_FALSE(code.check_character);
}

TEST_CASE("a wrong HIBC check character is refused at its offset") {
    const auto error = refused("+A123BJC5D6E71H");
    CHECK(error.kind == ErrorKind::bad_check);
    CHECK(error.at == 14);
    CHECK(error.message.find("'G'") != std::string::npos);
}

TEST_CASE("characters outside the HIBC set, such as lowercase, are refused") {
    const auto error = refused("+a123BJC5D6E71G");
    CHECK(error.kind == ErrorKind::bad_char);
    CHECK(error.at == 1);
}

TEST_CASE("the primary structure needs a letter-first labeler code, a product and a unit digit") {
    CHECK(refused(with_check("+A12")).kind == ErrorKind::too_short);
    CHECK(refused(with_check("+A123ABCDEFGHIJKLMNOPQRS1")).kind == ErrorKind::too_long);  // product 19
    CHECK(parsed_ok(with_check("+A123ABCDEFGHIJKLMNOPQR1")).primary->product == "ABCDEFGHIJKLMNOPQR");
    const auto unit = refused(with_check("+A123BJC5D6E7X"));
    CHECK(unit.kind == ErrorKind::bad_char);
    CHECK(unit.at == 13);
    CHECK(refused(with_check("+A1-3BJC1")).kind == ErrorKind::bad_char);
    CHECK(refused(with_check("+-A123BJC1")).kind == ErrorKind::bad_char);
}

TEST_CASE("invalid HIBC dates are refused at the faulty field") {
    const auto month = refused(with_check("+A99912345/$$3251331LOT"));
    CHECK(month.kind == ErrorKind::invalid_date);
    CHECK(month.at == 16);
    CHECK(refused(with_check("+A99912345/$$3250229LOT")).kind == ErrorKind::invalid_date);
    CHECK(refused(with_check("+A99912345/$$525366LOT")).kind == ErrorKind::invalid_date);  // 2025: 365 days
    CHECK(refused(with_check("+A99912345/$$1325LOT")).kind == ErrorKind::invalid_date);    // MMYY month 13
    CHECK(refused(with_check("+A99912345/$10X3/14D20250230")).kind == ErrorKind::invalid_date);
}

TEST_CASE("HIBC fields that are too long or cut short are refused") {
    CHECK(refused(with_check("+A99912345/$" + std::string(19, 'L'))).kind == ErrorKind::too_long);
    CHECK(refused(with_check("+A99912345/$$325")).kind == ErrorKind::too_short);
    CHECK(refused(with_check("+A99912345/$$")).kind == ErrorKind::too_short);
    CHECK(refused(with_check("+A99912345/")).kind == ErrorKind::too_short);
    CHECK(refused(with_check("+A99912345/$")).kind == ErrorKind::too_short);
    CHECK(refused("+").kind == ErrorKind::too_short);
}

TEST_CASE("an unknown $$ date flag or supplemental identifier is refused") {
    CHECK(refused(with_check("+A99912345/$$A25LOT")).kind == ErrorKind::bad_char);
    CHECK(refused(with_check("+A99912345/$$802825LOT")).kind == ErrorKind::bad_char);  // 8 after quantity
    CHECK(refused(with_check("+A99912345/$10X3/7Q1")).kind == ErrorKind::unsupported);
    CHECK(refused(with_check("+A99912345/$10X3//S1")).kind == ErrorKind::too_short);
}

TEST_CASE("two different expiry dates on one label are refused") {
    CHECK(refused(with_check("+A99912345/$$3250101LOT/14D20250102")).kind == ErrorKind::malformed);
    CHECK(parsed_ok(with_check("+A99912345/$$3250101LOT/14D20250101")).secondary->expiry == "2025-01-01");
}

TEST_CASE("HIBC Provider Applications Standard labels are refused as unsupported") {
    CHECK(refused(with_check("+/ABC123")).kind == ErrorKind::unsupported);
}

TEST_CASE("HIBC data must start with '+'") {
    CHECK(refused("A123BJC5D6E71G").kind == ErrorKind::malformed);
    CHECK(refused("").kind == ErrorKind::empty);
}
