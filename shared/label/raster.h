// An 8-bit grey canvas for PNG labels and sheets: white background, black rectangles,
// a barcode drawn module by module, and text in stb_easy_font's built-in stroke font
// (ASCII only; Norwegian letters are spelt out: æ→ae, ø→o, å→a).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shared/label/barcode_modules.h"

namespace bhm::label {

class GreyCanvas {
public:
    GreyCanvas(int width, int height);  // all white
    int width() const { return width_; }
    int height() const { return height_; }

    void fill_black(int x, int y, int w, int h);
    // Barcode with its top-left corner at (x, y); `module` pixels per module; linear
    // codes are `bar_height` pixels tall.
    void draw_barcode(const BarcodeModules& modules, int x, int y, int module, int bar_height);
    // Text with its top-left corner at (x, y), each font pixel `scale` pixels.
    void draw_text(std::string_view utf8, int x, int y, int scale);

    std::string encode_png() const;  // the PNG file's bytes

private:
    int width_, height_;
    std::vector<std::uint8_t> pixels_;
};

// Size of text drawn with draw_text at `scale`.
int text_width(std::string_view utf8, int scale);
int text_height(int scale);

// ASCII stand-in for UTF-8 text (æ→ae, ø→o, å→a, é→e, ...; anything else → '?').
std::string ascii_fold(std::string_view utf8);

}  // namespace bhm::label
