// Photo decoding: stb_image to 8-bit grey, then ZXing (in a child process, see
// zxing_isolated.h) in up to three ways: (1) all symbols with ZXing's own downscaled
// layers, (2) all symbols at full size only, (3) one symbol at a time, blanking each one
// found before looking again. Later ways run only when the reader crashed on the earlier.
// ZXing 1.4 gives GS1 content with GS between fields and the symbology identifier apart;
// we glue the two into the one string a handheld reader would have sent.
#include "scanner/image_decode.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

#include <stb/stb_image.h>

#include "scanner/zxing_isolated.h"

namespace bhm::scan {

namespace {

constexpr int max_symbols_one_by_one = 64;

bool dark(const GreyImage& img, int x, int y) { return img.pixels[static_cast<std::size_t>(y * img.width + x)] < 128; }

// How alike two rows are between x0 and x1 (share of pixels with the same dark/light).
double row_likeness(const GreyImage& img, int a, int b, int x0, int x1) {
    int same = 0;
    for (int x = x0; x <= x1; ++x) same += dark(img, x, a) == dark(img, x, b);
    return static_cast<double>(same) / (x1 - x0 + 1);
}

// Paints a found symbol white so the next look finds the others. ZXing's box for a
// linear code covers only the scan lines it used, so grow it up and down while the rows
// still show the same bars.
void blank_symbol(GreyImage& img, const FoundSymbol& s) {
    int left = std::clamp(s.left, 0, img.width - 1), right = std::clamp(s.right, 0, img.width - 1);
    int top = std::clamp(s.top, 0, img.height - 1), bottom = std::clamp(s.bottom, 0, img.height - 1);
    if (s.linear && right > left) {
        const int middle = (top + bottom) / 2;
        while (top > 0 && row_likeness(img, top - 1, middle, left, right) > 0.9) --top;
        while (bottom < img.height - 1 && row_likeness(img, bottom + 1, middle, left, right) > 0.9) ++bottom;
    }
    const int margin_x = std::max(4, (right - left) / 10), margin_y = s.linear ? 2 : std::max(4, (bottom - top) / 10);
    left = std::max(0, left - margin_x);
    right = std::min(img.width - 1, right + margin_x);
    top = std::max(0, top - margin_y);
    bottom = std::min(img.height - 1, bottom + margin_y);
    for (int y = top; y <= bottom; ++y)
        std::fill_n(img.pixels.begin() + y * img.width + left, right - left + 1, std::uint8_t{255});
}

std::vector<FoundSymbol> one_by_one(GreyImage img) {
    std::vector<FoundSymbol> found;
    for (int i = 0; i < max_symbols_one_by_one; ++i) {
        auto next = read_symbols_isolated(img, ReadAttempt{false, true});
        if (!next || next->empty()) break;
        const FoundSymbol& s = next->front();
        // Blanking did not remove it: stop rather than report it again.
        if (std::any_of(found.begin(), found.end(), [&](const FoundSymbol& f) {
                return f.raw == s.raw && f.left == s.left && f.top == s.top;
            }))
            break;
        found.push_back(s);
        blank_symbol(img, s);
    }
    return found;
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
    GreyImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    pixels.reset();

    std::optional<std::vector<FoundSymbol>> found = read_symbols_isolated(image, ReadAttempt{true, false});
    if (!found) found = read_symbols_isolated(image, ReadAttempt{false, false});
    if (!found) found = one_by_one(std::move(image));

    std::vector<DecodedBarcode> out;
    for (auto& s : *found) out.push_back(DecodedBarcode{std::move(s.raw), std::move(s.format)});
    return out;
}

std::vector<DecodedBarcode> decode_image_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImageError("cannot open '" + path + "'");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw ImageError("cannot read '" + path + "'");
    return decode_image(bytes);
}

}  // namespace bhm::scan
