// scanners.json: the shipped file loads and names its sources; mistakes in a file are
// refused with the entry and field they are in.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>
#include <string>

#include "scanner/usb/known_readers.h"

using namespace bhm::usb;

namespace {

std::string one_reader(const std::string& fields) { return "{\"readers\": [{" + fields + "}]}"; }

const std::string good =
    "\"vendor_id\": \"0x0c2e\", \"product_id\": \"0x0b81\", \"name\": \"Voyager\", "
    "\"personality\": \"by_interface\", \"source\": \"usb.ids\"";

std::string error_of(const std::string& json) {
    try {
        KnownReaders::parse(json, "test.json");
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the shipped scanners.json loads and names a source for every reader of the four vendors") {
    auto known = KnownReaders::load(std::string(BHM_SOURCE_DIR) + "/hardware/scanners.json");
    REQUIRE(known.all().size() >= 8);
    std::set<std::uint16_t> vendors;
    for (const auto& r : known.all()) {
        CHECK_FALSE(r.source.empty());
        CHECK_FALSE(r.name.empty());
        vendors.insert(r.vendor_id);
    }
    CHECK(vendors == std::set<std::uint16_t>{0x0c2e, 0x05e0, 0x05f9, 0x1eab});
    const KnownReader* zebra = known.find(0x05e0, 0x1200);
    REQUIRE(zebra);
    CHECK(zebra->personality == KnownPersonality::keyboard_wedge);
    CHECK(known.find(0x05e0, 0x1701)->personality == KnownPersonality::cdc_acm);
    CHECK(known.find(0x1234, 0x5678) == nullptr);
}

TEST_CASE("a well-formed entry is read with its defaults") {
    auto known = KnownReaders::parse(one_reader(good), "test.json");
    REQUIRE(known.all().size() == 1);
    CHECK(known.all()[0].layout == "us");
    CHECK(known.all()[0].quirks.empty());
}

TEST_CASE("mistakes in scanners.json are refused with the entry and field they are in") {
    CHECK(error_of(one_reader("\"vendor_id\": \"c2e\", \"product_id\": \"0x0b81\", \"name\": \"x\", "
                              "\"personality\": \"hid_pos\", \"source\": \"s\""))
              .find("readers[0]: vendor_id") != std::string::npos);
    CHECK(error_of(one_reader(good + ", \"quirks\": [\"make_coffee\"]")).find("unknown quirk \"make_coffee\"") !=
          std::string::npos);
    CHECK(error_of(one_reader(good + ", \"layout\": \"de\"")).find("layout") != std::string::npos);
    CHECK(error_of(one_reader(good + ", \"persona\": \"x\"")).find("unknown field \"persona\"") != std::string::npos);
    CHECK(error_of("{\"readers\": [{" + good + "}, {" + good + "}]}").find("listed twice") != std::string::npos);
    CHECK(error_of(one_reader("\"vendor_id\": \"0x0c2e\", \"product_id\": \"0x0b81\", \"name\": \"x\", "
                              "\"personality\": \"hid_pos\""))
              .find("\"source\" is missing") != std::string::npos);
    CHECK(error_of("{\"readers\": 3}").find("not a list") != std::string::npos);
    CHECK(error_of("not json").find("not valid JSON") != std::string::npos);
}

TEST_CASE("a missing scanners.json is an error that names the path") {
    try {
        KnownReaders::load("/nonexistent/scanners.json");
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("/nonexistent/scanners.json") != std::string::npos);
    }
}
