// Reads every barcode in a photo (PNG or JPEG, loaded with stb_image) with ZXing, and
// gives back each as the raw text a handheld reader would have sent: AIM symbology
// identifier in front, GS1 separators as 0x1D, so it goes through the same parser.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace bhm::scan {

struct DecodedBarcode {
    std::string raw;     // "]d2" + "0109506000134352" + ...
    std::string format;  // ZXing's name, e.g. "DataMatrix", "Code128"
};

struct ImageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws ImageError when the file cannot be read or is not an image stb can load.
std::vector<DecodedBarcode> decode_image_file(const std::string& path);
std::vector<DecodedBarcode> decode_image(const std::string& file_bytes);

}  // namespace bhm::scan
