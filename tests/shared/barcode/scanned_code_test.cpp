// Tests for parse_scanned, the single entry point: classification of every scheme, the mapping
// into ParsedCode, trailing CR/LF, the 512-byte limit, and error offsets in the raw scan.
#include <catch2/catch.hpp>

#include <string>

#include "shared/barcode/asset_tag.h"
#include "shared/barcode/scanned_code.h"

using namespace bhm::barcode;

namespace {
const std::string GS = "\x1D";

ParsedCode scanned_ok(const std::string& raw, int reference_year = kDefaultReferenceYear) {
    auto outcome = parse_scanned(raw, reference_year);
    INFO(raw);
    INFO((outcome.ok() ? std::string{} : outcome.error->message + " at " + std::to_string(outcome.error->at)));
    REQUIRE(outcome.ok());
    CHECK_FALSE(outcome.error);
    return *outcome.code;
}

ParseError scan_refused(const std::string& raw) {
    auto outcome = parse_scanned(raw);
    INFO(raw);
    REQUIRE_FALSE(outcome.ok());
    CHECK_FALSE(outcome.code);
    return *outcome.error;
}
}  // namespace

TEST_CASE("a GS1 DataMatrix UDI fills GTIN, expiry, lot, serial and production date") {
    const auto code = scanned_ok("]d2" "0109506000134352" "17201225" "11190704" "10ABC123" + GS + "21SN42");
    CHECK(code.symbology == "]d2");
    CHECK(code.scheme == Scheme::gs1);
    CHECK(code.gtin == "09506000134352");
    CHECK(code.expiry == "2020-12-25");
    CHECK(code.production_date == "2019-07-04");
    CHECK(code.lot == "ABC123");
    CHECK(code.serial == "SN42");
    REQUIRE(code.ais.size() == 5);
    CHECK(code.ais[0] == std::pair<std::string, std::string>{"01", "09506000134352"});
    CHECK(code.ais[1] == std::pair<std::string, std::string>{"17", "201225"});
    CHECK(code.ais[4] == std::pair<std::string, std::string>{"21", "SN42"});
    CHECK(code.text == "0109506000134352" "17201225" "11190704" "10ABC123" + GS + "21SN42");
}

TEST_CASE("GS1-128, GS1 QR and GS1 DataBar identifiers are parsed as GS1") {
    for (const char* aim : {"]C1", "]Q3", "]e0"}) {
        INFO(aim);
        const auto code = scanned_ok(std::string{aim} + "0109506000134352" "10L1");
        CHECK(code.scheme == Scheme::gs1);
        CHECK(code.symbology == aim);
        CHECK(code.lot == "L1");
    }
}

TEST_CASE("a leading GS marks GS1 content even without an AIM identifier") {
    const auto code = scanned_ok(GS + "0109506000134352" "2112345");
    CHECK(code.scheme == Scheme::gs1);
    CHECK(code.symbology.empty());
    CHECK(code.serial == "12345");
}

TEST_CASE("the bracketed human-readable form is parsed as GS1") {
    const auto code = scanned_ok("(01)09506000134352(17)201225(10)ABC123");
    CHECK(code.scheme == Scheme::gs1);
    CHECK(code.gtin == "09506000134352");
    CHECK(code.expiry == "2020-12-25");
}

TEST_CASE("GS1 error offsets count from the start of the raw scan, AIM prefix included") {
    const auto error = scan_refused("]d2" "0109506000134353");
    CHECK(error.kind == ErrorKind::bad_check);
    CHECK(error.at == 18);
}

TEST_CASE("a scan starting with '+' is HIBC and maps to the same lot, serial and expiry fields") {
    const auto code = scanned_ok("]C0+J123AQ3451/$$3231231BC34567/S4012R");
    CHECK(code.scheme == Scheme::hibc);
    CHECK(code.symbology == "]C0");
    CHECK(code.hibc_labeler == "J123");
    CHECK(code.hibc_product == "AQ345");
    CHECK(code.hibc_unit == "1");
    CHECK(code.lot == "BC34567");
    CHECK(code.serial == "4012");
    CHECK(code.expiry == "2023-12-31");
    CHECK(code.gtin.empty());
}

TEST_CASE("HIBC from a Code 39 reader that stripped the check character is accepted") {
    const auto code = scanned_ok("]A3+A123BJC5D6E71");
    CHECK(code.scheme == Scheme::hibc);
    CHECK(code.hibc_product == "BJC5D6E7");
    CHECK(scan_refused("]A0+A123BJC5D6E71").kind == ErrorKind::bad_check);  // here the last '1' is the check
}

TEST_CASE("HIBC error offsets count from the start of the raw scan") {
    const auto error = scan_refused("]d1+A123BJC5D6E71H");
    CHECK(error.kind == ErrorKind::bad_check);
    CHECK(error.at == 17);
}

TEST_CASE("our asset tag is recognised and a faulty one is an error, not a plain code") {
    const auto tag = make_asset_tag(4711);
    const auto code = scanned_ok("]C0" + tag);
    CHECK(code.scheme == Scheme::asset);
    CHECK(code.asset_tag == tag);
    const auto error = scan_refused("]C0BHM1234567Y");
    CHECK(error.kind == ErrorKind::bad_check);
    CHECK(error.at == 13);
    CHECK(scan_refused("BHM123").kind == ErrorKind::too_short);
}

TEST_CASE("13 or 14 digits with a valid check digit are a plain code with the GTIN filled") {
    const auto ean = scanned_ok("]E06291041500213");
    CHECK(ean.scheme == Scheme::plain);
    CHECK(ean.gtin == "06291041500213");
    CHECK(ean.text == "6291041500213");
    CHECK(scanned_ok("6291041500213").gtin == "06291041500213");
    CHECK(scanned_ok("]I109506000134352").gtin == "09506000134352");
    CHECK(scanned_ok("09506000134352").gtin == "09506000134352");
}

TEST_CASE("digits with a wrong check digit stay a plain code without GTIN") {
    const auto code = scanned_ok("6291041500214");
    CHECK(code.scheme == Scheme::plain);
    CHECK(code.gtin.empty());
}

TEST_CASE("8 and 12 digits count as a GTIN only when the AIM identifier says EAN/UPC") {
    CHECK(scanned_ok("]E496385074").gtin == "00000096385074");
    CHECK(scanned_ok("]E0036000291452").gtin == "00036000291452");
    CHECK(scanned_ok("96385074").gtin.empty());
    CHECK(scanned_ok("036000291452").gtin.empty());
}

TEST_CASE("anything else is a plain code carrying the whole text") {
    const auto code = scanned_ok("SERVICE-MANUAL-42");
    CHECK(code.scheme == Scheme::plain);
    CHECK(code.text == "SERVICE-MANUAL-42");
    CHECK(code.symbology.empty());
    CHECK(scanned_ok("]Q1https://example.org/x").text == "https://example.org/x");
}

TEST_CASE("trailing CR and LF from the reader are ignored") {
    CHECK(scanned_ok("]C0BHM00000018\r\n").asset_tag == "BHM00000018");
    CHECK(scanned_ok("6291041500213\n").gtin == "06291041500213");
    CHECK(scanned_ok("6291041500213\r").gtin == "06291041500213");
}

TEST_CASE("a scan over 512 bytes is refused as too long but 512 bytes is accepted") {
    const auto error = scan_refused(std::string(513, 'A'));
    CHECK(error.kind == ErrorKind::too_long);
    CHECK(error.message.find("512") != std::string::npos);
    CHECK(scanned_ok(std::string(512, 'A')).text.size() == 512);
    CHECK(scanned_ok(std::string(512, 'A') + "\r\n").text.size() == 512);
}

TEST_CASE("an empty scan, or one with only an AIM identifier, is refused as empty") {
    CHECK(scan_refused("").kind == ErrorKind::empty);
    CHECK(scan_refused("\r\n").kind == ErrorKind::empty);
    const auto only_aim = scan_refused("]d2");
    CHECK(only_aim.kind == ErrorKind::empty);
    CHECK(only_aim.at == 3);
}

TEST_CASE("a scan starting with a closing bracket that is not an AIM identifier is refused") {
    CHECK(scan_refused("]").kind == ErrorKind::malformed);
    CHECK(scan_refused("]1x").kind == ErrorKind::malformed);
}

TEST_CASE("the reference year decides the century of two-digit years") {
    CHECK(scanned_ok("]d2" "17770101").expiry == "1977-01-01");
    CHECK(scanned_ok("]d2" "17770101", 2060).expiry == "2077-01-01");
    CHECK(parse_scanned("]d2" "17770101", 20).error->kind == ErrorKind::malformed);
}

TEST_CASE("schemes have stable names") {
    CHECK(to_string(Scheme::gs1) == "gs1");
    CHECK(to_string(Scheme::hibc) == "hibc");
    CHECK(to_string(Scheme::asset) == "asset");
    CHECK(to_string(Scheme::plain) == "plain");
    CHECK(to_string(ErrorKind::bad_check) == "bad_check");
}
