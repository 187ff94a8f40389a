// `bhm-scan parse` as a station operator or a script uses it: the real binary, JSON out.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "run_bhm_scan.h"

using bhm::test::run_bhm_scan;

namespace {
Poco::JSON::Object::Ptr json_of(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}
}  // namespace

TEST_CASE("parse prints a GS1 DataMatrix scan as one JSON object with its AIs") {
    auto r = run_bhm_scan({"parse", "--text", "]d20109506000134352<GS>17270101\\x1d10ABC"});
    REQUIRE(r.status == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    auto j = json_of(r.out);
    CHECK(j->getValue<std::string>("symbology") == "]d2");
    CHECK(j->getValue<std::string>("scheme") == "gs1");
    CHECK(j->getValue<std::string>("gtin") == "09506000134352");
    CHECK(j->getValue<std::string>("expiry") == "2027-01-01");
    CHECK(j->getValue<std::string>("lot") == "ABC");
    CHECK_FALSE(j->has("serial"));  // empty fields are left out
    auto ais = j->getObject("ais");
    CHECK(ais->getValue<std::string>("01") == "09506000134352");
    CHECK(ais->getValue<std::string>("17") == "270101");
}

TEST_CASE("parse reads raw scanned bytes from stdin, group separators included") {
    auto r = run_bhm_scan({"parse"}, "]C1010950600013435210LOT7\x1d" "21SER9\n");
    REQUIRE(r.status == 0);
    auto j = json_of(r.out);
    CHECK(j->getValue<std::string>("symbology") == "]C1");
    CHECK(j->getValue<std::string>("lot") == "LOT7");
    CHECK(j->getValue<std::string>("serial") == "SER9");
}

TEST_CASE("parse gives a bad GS1 check digit exit status 2 with the error and its byte offset") {
    auto r = run_bhm_scan({"parse", "--text", "]d20109506000134353"});
    CHECK(r.status == 2);
    auto j = json_of(r.out);
    CHECK(j->getValue<std::string>("error").find("check digit") != std::string::npos);
    CHECK(j->getValue<int>("at") > 0);
}

TEST_CASE("parse shows HIBC fields and plain codes") {
    auto hibc = json_of(run_bhm_scan({"parse", "--text", "+A123BJC5D6E71G"}).out);
    CHECK(hibc->getValue<std::string>("scheme") == "hibc");
    CHECK(hibc->getValue<std::string>("hibc_labeler") == "A123");
    auto plain = json_of(run_bhm_scan({"parse", "--text", "hello"}).out);
    CHECK(plain->getValue<std::string>("scheme") == "plain");
}

TEST_CASE("an unknown command or option is a usage error with status 2") {
    CHECK(run_bhm_scan({"frobnicate"}).status == 2);
    auto r = run_bhm_scan({"parse", "--txt", "x"});
    CHECK(r.status == 2);
    CHECK(r.err.find("unknown option --txt") != std::string::npos);
}
