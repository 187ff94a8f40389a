// Typed group-separator escapes, display form and UTF-8 safety of scan text.
#include <catch2/catch.hpp>

#include "run_bhm_scan.h"
#include "scanner/text_escapes.h"

using namespace bhm::scan;

TEST_CASE("typed group separator escapes become byte 0x1D and a double backslash stays one") {
    CHECK(unescape_scan_text("01<GS>17\\x1d10\\X1D21\\u001d") == "01\x1d" "17\x1d" "10\x1d" "21\x1d");
    CHECK(unescape_scan_text("<gs>") == "\x1d");
    CHECK(unescape_scan_text("a\\\\x1d") == "a\\x1d");
    CHECK(unescape_scan_text("plain \\n text") == "plain \\n text");
}

TEST_CASE("control bytes are shown readably on the station's screen") {
    CHECK(printable("01\x1d" "17") == "01<GS>17");
    CHECK(printable(std::string("a\0b", 3)) == "a<0x00>b");
}

TEST_CASE("scan bytes that are not UTF-8 are read as ISO-8859-1 so the JSON stays valid") {
    CHECK(as_utf8("H\xf8yre") == "H\xc3\xb8yre");
    CHECK(as_utf8("H\xc3\xb8yre") == "H\xc3\xb8yre");  // already UTF-8: unchanged
    CHECK(as_utf8("\xc0\xaf") == "\xc3\x80\xc2\xaf");  // overlong form is not UTF-8
    auto r = bhm::test::run_bhm_scan({"parse"}, "abc\xff");
    CHECK(r.status == 0);
    CHECK(r.out.find("abc\xc3\xbf") != std::string::npos);
}
