// Asset-tag labels: every PNG label decodes back to its tag with ZXing (Code 128 and
// DataMatrix), SVG and ZPL carry the tag and model, and bad input is refused clearly.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "run_bhm_scan.h"
#include "scanner/image_decode.h"
#include "shared/label/label.h"
#include "shared/label/raster.h"
#include "shared/label/sheet.h"

using namespace bhm::label;

TEST_CASE("a PNG label decodes back to its asset tag in both symbologies") {
    for (auto symbology : {LabelSymbology::code128, LabelSymbology::datamatrix}) {
        for (const std::string tag : {"BHM0000123X", "BHM9999999Z", "BHM0000001-"}) {
            std::string png = render_label({tag, "ResMed AirSense 10", LabelFormat::png, symbology});
            REQUIRE(png.substr(1, 3) == "PNG");
            auto found = bhm::scan::decode_image(png);
            REQUIRE(found.size() == 1);
            CHECK(found[0].format == (symbology == LabelSymbology::code128 ? "Code128" : "DataMatrix"));
            CHECK(found[0].raw == (symbology == LabelSymbology::code128 ? "]C0" : "]d1") + tag);
        }
    }
}

TEST_CASE("an SVG label holds the barcode, the tag and the model, XML-escaped") {
    std::string svg = render_label({"BHM0000123X", "Philips <DreamStation> & co", LabelFormat::svg,
                                    LabelSymbology::code128});
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find(">BHM0000123X</text>") != std::string::npos);
    CHECK(svg.find("Philips &lt;DreamStation&gt; &amp; co") != std::string::npos);
    CHECK(svg.find("<rect x=") != std::string::npos);
}

TEST_CASE("a ZPL label prints the tag as Code 128 or DataMatrix with the model, special characters hex-escaped") {
    std::string code128 = render_label({"BHM0000123X", "Høyfrekvens ^ventilator", LabelFormat::zpl, LabelSymbology::code128});
    CHECK(code128.rfind("^XA", 0) == 0);
    CHECK(code128.find("^XZ") != std::string::npos);
    CHECK(code128.find("^BCN,") != std::string::npos);
    CHECK(code128.find("^FD" "BHM0000123X^FS") != std::string::npos);
    CHECK(code128.find("H_C3_B8yfrekvens _5Eventilator") != std::string::npos);
    std::string dm = render_label({"BHM0000123X", "", LabelFormat::zpl, LabelSymbology::datamatrix});
    CHECK(dm.find("^BXN,") != std::string::npos);
}

TEST_CASE("labels refuse an empty or non-ASCII tag and a model that is not one line of UTF-8") {
    CHECK_THROWS_AS(render_label({"", "m", LabelFormat::png, LabelSymbology::code128}), std::invalid_argument);
    CHECK_THROWS_AS(render_label({"BHM 1", "m", LabelFormat::png, LabelSymbology::code128}), std::invalid_argument);
    CHECK_THROWS_AS(render_label({"BHMø", "m", LabelFormat::svg, LabelSymbology::code128}), std::invalid_argument);
    CHECK_THROWS_AS(render_label({std::string(49, 'A'), "", LabelFormat::zpl, LabelSymbology::code128}),
                    std::invalid_argument);
    CHECK_THROWS_AS(render_label({"BHM1", "two\nlines", LabelFormat::png, LabelSymbology::code128}),
                    std::invalid_argument);
    CHECK_THROWS_AS(render_label({"BHM1", "bad \xff utf8", LabelFormat::svg, LabelSymbology::code128}),
                    std::invalid_argument);
}

TEST_CASE("Norwegian letters in a model name are spelt out in PNG text") {
    CHECK(ascii_fold("Høyre ÆØÅ æøå") == "Hoyre AEOA aeoa");
    CHECK(ascii_fold("x\xe2\x82\xacy") == "x?y");
}

TEST_CASE("bhm-scan label writes the file named by -o in the format of its extension") {
    bhm::test::TempFolder dir;
    auto r = bhm::test::run_bhm_scan({"label", "--tag", "BHM0000123X", "--model", "ResMed AirSense 10",
                                      "--symbology", "datamatrix", "-o", dir.file("tag.png")});
    REQUIRE(r.status == 0);
    auto found = bhm::scan::decode_image_file(dir.file("tag.png"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].raw == "]d1BHM0000123X");
    CHECK(bhm::test::run_bhm_scan({"label", "--tag", "BHM0000123X", "-o", dir.file("t.zpl")}).status == 0);
    std::ifstream zpl(dir.file("t.zpl"));
    CHECK(std::string(std::istreambuf_iterator<char>(zpl), {}).rfind("^XA", 0) == 0);
    CHECK(bhm::test::run_bhm_scan({"label", "--tag", "BHM0000123X", "--format", "pdf", "-o", "-"}).status == 2);
    CHECK(bhm::test::run_bhm_scan({"label", "--model", "x", "-o", "-"}).status == 2);
}

TEST_CASE("the mode sheet's PNG carries every MODE: barcode and END, readable by ZXing") {
    bhm::test::TempFolder dir;
    auto r = bhm::test::run_bhm_scan({"modesheet", "-o", dir.file("modes.png")});
    REQUIRE(r.status == 0);
    auto found = bhm::scan::decode_image_file(dir.file("modes.png"));
    std::vector<std::string> codes;
    for (const auto& b : found) codes.push_back(b.raw.substr(3));
    std::sort(codes.begin(), codes.end());
    CHECK(codes == std::vector<std::string>{"END", "MODE:count", "MODE:inspect", "MODE:issue", "MODE:receive",
                                            "MODE:return"});
    auto svg = bhm::test::run_bhm_scan({"modesheet", "--format", "svg", "-o", "-"});
    CHECK(svg.status == 0);
    CHECK(svg.out.find("MODE:issue") == std::string::npos);  // the barcode is bars, the caption is words
    CHECK(svg.out.find("ISSUE - scan a case slip") != std::string::npos);
    CHECK_THROWS_AS(render_sheet("t", {}, LabelFormat::png, LabelSymbology::code128), std::invalid_argument);
}
