// Rasterises the canvas with stb_easy_font quads and writes PNG with stb_image_write
// (implementations come from Debian's libstb, so no *_IMPLEMENTATION define here).
#include "shared/label/raster.h"

#include <algorithm>
#include <stdexcept>

#include <stb/stb_image_write.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb/stb_easy_font.h>
#pragma GCC diagnostic pop

namespace bhm::label {

namespace {

constexpr int font_line_height = 12;  // stb_easy_font: 7 px caps + descenders, at scale 1

struct Vertex {
    float x, y, z;
    unsigned char color[4];
};

}  // namespace

std::string ascii_fold(std::string_view utf8) {
    static const std::pair<std::string_view, std::string_view> folds[] = {
        {"æ", "ae"}, {"Æ", "AE"}, {"ø", "o"}, {"Ø", "O"}, {"å", "a"}, {"Å", "A"},
        {"é", "e"},  {"É", "E"},  {"è", "e"}, {"ü", "u"}, {"Ü", "U"}, {"ö", "o"},
        {"Ö", "O"},  {"ä", "a"},  {"Ä", "A"}, {"µ", "u"}, {"–", "-"}, {"—", "-"},
    };
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        bool folded = false;
        for (const auto& [from, to] : folds)
            if (utf8.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        if (folded) continue;
        // Skip one whole UTF-8 sequence (or one stray byte) and mark it.
        std::size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        i += std::min(len, utf8.size() - i);
        out += c < 0x20 ? ' ' : '?';
    }
    return out;
}

int text_width(std::string_view utf8, int scale) {
    std::string ascii = ascii_fold(utf8);
    return stb_easy_font_width(ascii.data()) * scale;
}

int text_height(int scale) { return font_line_height * scale; }

GreyCanvas::GreyCanvas(int width, int height) : width_(width), height_(height) {
    if (width <= 0 || height <= 0 || width > 20000 || height > 20000)
        throw std::invalid_argument("label canvas size out of range");
    pixels_.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 255);
}

void GreyCanvas::fill_black(int x, int y, int w, int h) {
    const int x0 = std::max(0, x), y0 = std::max(0, y);
    const int x1 = std::min(width_, x + w), y1 = std::min(height_, y + h);
    for (int row = y0; row < y1; ++row)
        std::fill_n(pixels_.begin() + row * width_ + x0, std::max(0, x1 - x0), std::uint8_t{0});
}

void GreyCanvas::draw_barcode(const BarcodeModules& modules, int x, int y, int module, int bar_height) {
    for (int r = 0; r < modules.rows; ++r)
        for (int c = 0; c < modules.columns; ++c)
            if (modules.at(c, r))
                fill_black(x + c * module, y + r * module, module, modules.linear ? bar_height : module);
}

void GreyCanvas::draw_text(std::string_view utf8, int x, int y, int scale) {
    std::string ascii = ascii_fold(utf8);
    std::vector<Vertex> quads(ascii.size() * 4 * 40 + 4);  // 4 vertices a quad, at most ~40 quads a glyph
    const int count = stb_easy_font_print(0, 0, ascii.data(), nullptr, quads.data(),
                                          static_cast<int>(quads.size() * sizeof(Vertex)));
    for (int q = 0; q < count; ++q) {
        const Vertex& a = quads[static_cast<std::size_t>(q) * 4];
        const Vertex& b = quads[static_cast<std::size_t>(q) * 4 + 2];
        const int qx = static_cast<int>(a.x), qy = static_cast<int>(a.y);
        const int qw = static_cast<int>(b.x) - qx, qh = static_cast<int>(b.y) - qy;
        fill_black(x + qx * scale, y + qy * scale, qw * scale, qh * scale);
    }
}

std::string GreyCanvas::encode_png() const {
    std::string png;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, width_, height_, 1, pixels_.data(), width_))
        throw std::runtime_error("PNG encoding failed");
    return png;
}

}  // namespace bhm::label
