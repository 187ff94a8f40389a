// Photo decoding: stb_image to 8-bit grey, ZXing::ReadBarcodes with all formats and
// rotation/inversion tries. ZXing 1.4 returns GS1 content with GS between fields and the
// symbology identifier separately; we glue the two into one reader-style string.
#define ZX_USE_UTF8
#include "scanner/image_decode.h"

#include <fstream>
#include <iterator>
#include <memory>

#include <ZXing/ReadBarcode.h>
#include <stb/stb_image.h>

namespace bhm::scan {

namespace {

std::string raw_from(const ZXing::Result& result) {
    // bytes() is the symbol's content without charset conversion; FNC1 field separators
    // are already 0x1D there. Fall back to text() if a format gives no bytes.
    const auto& bytes = result.bytes();
    std::string content(bytes.begin(), bytes.end());
    if (content.empty()) content = result.text();
    // ZXing puts no leading FNC1 into the content; the identifier (e.g. "]d2") says GS1.
    return result.symbologyIdentifier() + content;
}

}  // namespace

std::vector<DecodedBarcode> decode_image(const std::string& file_bytes) {
    if (file_bytes.size() > 200u * 1024u * 1024u) throw ImageError("image is larger than 200 MB");
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(
        stbi_load_from_memory(reinterpret_cast<const unsigned char*>(file_bytes.data()),
                              static_cast<int>(file_bytes.size()), &width, &height, &channels, 1),
        stbi_image_free);
    if (!pixels) {
        const char* why = stbi_failure_reason();
        throw ImageError(std::string("not a PNG or JPEG image stb can read") + (why ? " (" + std::string(why) + ")" : ""));
    }
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setFormats(ZXing::BarcodeFormat::Any);
    ZXing::ImageView view(pixels.get(), width, height, ZXing::ImageFormat::Lum);
    std::vector<DecodedBarcode> found;
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid()) continue;
        found.push_back(DecodedBarcode{raw_from(result), ZXing::ToString(result.format())});
    }
    return found;
}

std::vector<DecodedBarcode> decode_image_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImageError("cannot open '" + path + "'");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw ImageError("cannot read '" + path + "'");
    return decode_image(bytes);
}

}  // namespace bhm::scan
