// hardware/udev/70-bhm-scanners.rules must give access to exactly the readers that
// scanners.json lists, so a reader we claim on sight can also be opened without root.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <utility>

#include "scanner/usb/known_readers.h"

using namespace bhm::usb;

TEST_CASE("the udev rules cover exactly the readers in scanners.json") {
    auto known = KnownReaders::load(std::string(BHM_SOURCE_DIR) + "/hardware/scanners.json");
    std::set<std::pair<std::string, std::string>> listed;
    for (const auto& r : known.all()) {
        char v[8], p[8];
        std::snprintf(v, sizeof v, "%04x", r.vendor_id);
        std::snprintf(p, sizeof p, "%04x", r.product_id);
        listed.insert({v, p});
    }
    std::ifstream rules(std::string(BHM_SOURCE_DIR) + "/hardware/udev/70-bhm-scanners.rules");
    REQUIRE(rules);
    const std::regex rule(R"re(ATTR\{idVendor\}=="([0-9a-f]{4})", ATTR\{idProduct\}=="([0-9a-f]{4})".*MODE="0660")re");
    std::set<std::pair<std::string, std::string>> covered;
    std::string line;
    while (std::getline(rules, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::smatch m;
        INFO("rule: " << line);
        REQUIRE(std::regex_search(line, m, rule));
        covered.insert({m[1], m[2]});
    }
    CHECK(covered == listed);
}
