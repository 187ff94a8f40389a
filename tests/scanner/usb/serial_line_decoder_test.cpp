// CDC-ACM byte streams into scans: CR, LF and CR LF endings however the bulk packets split
// them, blank lines, in-band AIM prefixes, and over-long lines.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/usb/serial_line_decoder.h"

using namespace bhm::usb;

namespace {

std::vector<std::string> feed_all(SerialLineDecoder& d, const std::vector<std::string>& packets,
                                  std::vector<std::string>* problems = nullptr) {
    std::vector<std::string> scans;
    for (const auto& p : packets) {
        auto out = d.feed(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(p.data()), p.size()));
        for (auto& s : out.scans) scans.push_back(s.data);
        if (problems)
            for (auto& q : out.problems) problems->push_back(q);
    }
    return scans;
}

}  // namespace

TEST_CASE("CR or LF or CR LF each end one scan") {
    SerialLineDecoder d;
    auto scans = feed_all(d, {"A\rB\nC\r\nD\r\n"});
    CHECK(scans == std::vector<std::string>{"A", "B", "C", "D"});
}

TEST_CASE("a CR LF split across two bulk packets ends one scan and not two") {
    SerialLineDecoder d;
    auto scans = feed_all(d, {"]C1010950", "6000134352\r", "\n]C1 second\r", "\n"});
    CHECK(scans == std::vector<std::string>{"]C10109506000134352", "]C1 second"});
}

TEST_CASE("blank lines are not scans and a group separator stays in the data") {
    SerialLineDecoder d;
    auto scans = feed_all(d, {"\r\n\n\r10ABC\x1D" "21X\n\n"});
    CHECK(scans == std::vector<std::string>{"10ABC\x1D" "21X"});
}

TEST_CASE("a line longer than the limit is dropped with a problem once its end comes") {
    SerialLineDecoder d;
    std::vector<std::string> problems;
    std::string huge(SerialLineDecoder::max_scan_bytes + 10, '7');
    auto scans = feed_all(d, {huge, "\r\nok\r\n"}, &problems);
    CHECK(scans == std::vector<std::string>{"ok"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("dropped") != std::string::npos);
}
