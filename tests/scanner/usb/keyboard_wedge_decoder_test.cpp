// Keyboard-wedge decoding, report by report: press/release, rollover, held keys, the
// Norwegian and US layouts, the group separator (Ctrl+] and Alt+0029), and dropped scans.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "scanner/usb/keyboard_wedge_decoder.h"

using namespace bhm::usb;

namespace {

using Report = std::array<std::uint8_t, 8>;

Report keys(std::uint8_t modifiers, std::initializer_list<std::uint8_t> usages) {
    Report r{modifiers, 0, 0, 0, 0, 0, 0, 0};
    std::size_t i = 2;
    for (auto u : usages) r[i++] = u;
    return r;
}
const Report release = keys(0, {});

// Feeds the reports and collects everything that came out.
DecodeResult run(KeyboardWedgeDecoder& d, const std::vector<Report>& reports) {
    DecodeResult all;
    for (const auto& r : reports) {
        auto out = d.feed(r);
        for (auto& s : out.scans) all.scans.push_back(s);
        for (auto& p : out.problems) all.problems.push_back(p);
    }
    return all;
}

constexpr std::uint8_t shift = 0x02, ctrl = 0x01, left_alt = 0x04, altgr = 0x40;
constexpr std::uint8_t enter = 0x28;

}  // namespace

TEST_CASE("press and release reports type the scan and Enter hands it over") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto out = run(d, {keys(shift, {0x04}), release, keys(shift, {0x05}), release, keys(0, {0x1E}), release,
                       keys(0, {enter}), release});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "AB1");
    CHECK(out.scans[0].symbology.empty());
    CHECK(out.problems.empty());
}

TEST_CASE("a key held over consecutive reports is typed once and a release in between types it again") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto held = run(d, {keys(0, {0x1E}), keys(0, {0x1E}), keys(0, {0x1E}), release, keys(0, {enter})});
    REQUIRE(held.scans.size() == 1);
    CHECK(held.scans[0].data == "1");
    auto twice = run(d, {release, keys(0, {0x1E}), release, keys(0, {0x1E}), release, keys(0, {enter})});
    REQUIRE(twice.scans.size() == 1);
    CHECK(twice.scans[0].data == "11");
}

TEST_CASE("new keys in one rollover report are typed in report order and held ones are not repeated") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto out = run(d, {keys(0, {0x04, 0x05}), keys(0, {0x05, 0x06}), keys(0, {0x06, 0x07, 0x08}), release,
                       keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "abcde");
}

TEST_CASE("ErrorRollOver reports change nothing") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto out = run(d, {keys(0, {0x04}), keys(0, {0x01, 0x01, 0x01, 0x01, 0x01, 0x01}), keys(0, {0x04}), release,
                       keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "a");
}

TEST_CASE("on the Norwegian layout the GS1 and HIBC punctuation sits where a Norwegian keyboard has it") {
    KeyboardWedgeDecoder d(KeyboardLayout::no);
    auto out = run(d, {keys(altgr, {0x26}), release,   // ]  AltGr+9
                       keys(shift, {0x25}), release,   // (  Shift+8
                       keys(shift, {0x26}), release,   // )  Shift+9
                       keys(shift, {0x24}), release,   // /  Shift+7
                       keys(altgr, {0x21}), release,   // $  AltGr+4
                       keys(shift, {0x22}), release,   // %  Shift+5
                       keys(0, {0x2D}), release,       // +  right of 0
                       keys(0, {0x38}), release,       // -  right of .
                       keys(0, {0x37}), release,       // .
                       keys(altgr, {0x1F}), release,   // @  AltGr+2
                       keys(0, {0x2F}), keys(0, {0x33}), keys(0, {0x34}), release,  // å ø æ
                       keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "]()/$%+-.@\xC3\xA5\xC3\xB8\xC3\xA6");
}

TEST_CASE("the same keys give the US characters on the US layout") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto out = run(d, {keys(0, {0x30}), release, keys(shift, {0x26}), release, keys(shift, {0x27}), release,
                       keys(0, {0x38}), release, keys(shift, {0x21}), release, keys(shift, {0x2E}), release,
                       keys(0, {0x2D}), release, keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "]()/$+-");
}

TEST_CASE("Ctrl with the right-bracket key is the group separator on the US and the Norwegian layout") {
    KeyboardWedgeDecoder us(KeyboardLayout::us);
    auto a = run(us, {keys(0, {0x1E}), release, keys(ctrl, {0x30}), release, keys(0, {0x1F}), release, keys(0, {enter})});
    REQUIRE(a.scans.size() == 1);
    CHECK(a.scans[0].data == "1\x1D" "2");
    KeyboardWedgeDecoder no(KeyboardLayout::no);
    auto b = run(no, {keys(0, {0x1E}), release, keys(ctrl, {0x30}), release, keys(ctrl | altgr, {0x26}), release,
                      keys(0, {enter})});
    REQUIRE(b.scans.size() == 1);
    CHECK(b.scans[0].data == "1\x1D\x1D");
}

TEST_CASE("Alt held while keypad 0 0 2 9 is typed gives byte 29 when Alt is let go") {
    KeyboardWedgeDecoder d(KeyboardLayout::no);
    auto out = run(d, {keys(0, {0x1E}), release, keys(left_alt, {}), keys(left_alt, {0x62}), keys(left_alt, {}),
                       keys(left_alt, {0x62}), keys(left_alt, {}), keys(left_alt, {0x5A}), keys(left_alt, {}),
                       keys(left_alt, {0x61}), keys(left_alt, {}), keys(0, {0x1F}), release, keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "1\x1D" "2");
}

TEST_CASE("an Alt code is finished before a key pressed in the same report as the Alt release") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto out = run(d, {keys(left_alt, {0x5F}), keys(left_alt, {}), keys(0, {0x04}), release, keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "\x07" "a");
}

TEST_CASE("keypad Enter and Tab end a scan as Enter does and an empty scan is no scan") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    auto out = run(d, {keys(0, {0x04}), release, keys(0, {0x58}), release, keys(0, {0x05}), release,
                       keys(0, {0x2B}), release, keys(0, {enter}), release});
    REQUIRE(out.scans.size() == 2);
    CHECK(out.scans[0].data == "a");
    CHECK(out.scans[1].data == "b");
}

TEST_CASE("a key the layout cannot type drops the whole scan and says which key") {
    KeyboardWedgeDecoder d(KeyboardLayout::no);
    auto out = run(d, {keys(0, {0x1E}), release, keys(0, {0x30}), release, keys(0, {0x1F}), release, keys(0, {enter}),
                       release, keys(0, {0x20}), release, keys(0, {enter})});
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "3");  // the next scan is not affected
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].find("0x30") != std::string::npos);
    CHECK(out.problems[0].find("dropped") != std::string::npos);
}

TEST_CASE("a report that is not 8 bytes long is refused and not read past its end") {
    KeyboardWedgeDecoder d(KeyboardLayout::us);
    std::array<std::uint8_t, 5> short_report{0, 0, 0x04, 0, 0};
    auto out = d.feed(short_report);
    CHECK(out.scans.empty());
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].find("5 bytes") != std::string::npos);
}
