// Photos of barcodes made with zint at test time are decoded back to the reader-style raw
// text (AIM prefix + GS) and come out of `bhm-scan decode` as the parse JSON.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "run_bhm_scan.h"
#include "scanner/image_decode.h"

using namespace bhm::scan;

namespace {

// zint writes the PNG (with quiet zones, 4 px a module); REQUIREs that it worked.
std::string zint_png(const bhm::test::TempFolder& dir, const std::string& name, int barcode,
                     const std::string& data) {
    const std::string file = dir.file(name);
    const std::string command = "zint --barcode=" + std::to_string(barcode) +
                                " --gs1 --quietzones --scale=4 -d '" + data + "' -o '" + file + "' >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    return file;
}

}  // namespace

TEST_CASE("a GS1 DataMatrix photo decodes to its AIM identifier with group separators between variable fields") {
    bhm::test::TempFolder dir;
    auto png = zint_png(dir, "dm.png", 71, "[01]09506000134352[10]ABC[17]270101");
    auto found = decode_image_file(png);
    REQUIRE(found.size() == 1);
    CHECK(found[0].format == "DataMatrix");
    CHECK(found[0].raw == "]d2010950600013435210ABC\x1d" "17270101");
}

TEST_CASE("bhm-scan decode prints the parse JSON plus file and format for GS1 DataMatrix and GS1-128") {
    bhm::test::TempFolder dir;
    auto dm = zint_png(dir, "dm.png", 71, "[01]09506000134352[17]270101[10]ABC");
    auto c128 = zint_png(dir, "c128.png", 16, "[01]09506000134352[21]SER42[17]281231");
    auto r = bhm::test::run_bhm_scan({"decode", dm, c128});
    REQUIRE(r.status == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<Poco::JSON::Object::Ptr> objects;
    while (std::getline(lines, line)) objects.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
    REQUIRE(objects.size() == 2);
    CHECK(objects[0]->getValue<std::string>("file") == dm);
    CHECK(objects[0]->getValue<std::string>("format") == "DataMatrix");
    CHECK(objects[0]->getValue<std::string>("symbology") == "]d2");
    CHECK(objects[0]->getValue<std::string>("expiry") == "2027-01-01");
    CHECK(objects[0]->getValue<std::string>("lot") == "ABC");
    CHECK(objects[1]->getValue<std::string>("format") == "Code128");
    CHECK(objects[1]->getValue<std::string>("symbology") == "]C1");
    CHECK(objects[1]->getValue<std::string>("serial") == "SER42");
    CHECK(objects[1]->getValue<std::string>("expiry") == "2028-12-31");
}

TEST_CASE("decode reports a file that is not an image, and a picture without a barcode, with status 1") {
    bhm::test::TempFolder dir;
    {
        std::ofstream(dir.file("not.png")) << "hello";
    }
    CHECK_THROWS_AS(decode_image_file(dir.file("not.png")), ImageError);
    CHECK_THROWS_AS(decode_image_file(dir.file("missing.png")), ImageError);
    auto r = bhm::test::run_bhm_scan({"decode", dir.file("not.png")});
    CHECK(r.status == 1);
    CHECK(r.err.find("not.png") != std::string::npos);
    CHECK(bhm::test::run_bhm_scan({"decode"}).status == 2);
}

TEST_CASE("two identical linear barcodes side by side are both read, without ZXing 1.4's assertion killing us") {
    // Debian's ZXing 1.4 aborts in Result::operator== on this picture; the decoder must survive it.
    bhm::test::TempFolder dir;
    const std::string file = dir.file("one.png");
    REQUIRE(std::system(("zint --barcode=20 --quietzones --scale=2 -d 'BHM0000001X' -o '" + file + "' >/dev/null 2>&1").c_str()) == 0);
    int w = 0, h = 0, n = 0;
    unsigned char* one = stbi_load(file.c_str(), &w, &h, &n, 1);
    REQUIRE(one != nullptr);
    std::vector<unsigned char> pair(static_cast<std::size_t>(w) * 2 * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        std::copy_n(one + y * w, w, pair.begin() + y * 2 * w);
        std::copy_n(one + y * w, w, pair.begin() + y * 2 * w + w);
    }
    stbi_image_free(one);
    std::string png;
    stbi_write_png_to_func([](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    }, &png, w * 2, h, 1, pair.data(), w * 2);
    auto found = decode_image(png);
    REQUIRE(found.size() == 2);
    CHECK(found[0].raw == "]C0BHM0000001X");
    CHECK(found[1].raw == "]C0BHM0000001X");
}
