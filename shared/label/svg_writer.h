// A minimal SVG builder for labels and sheets: white page, black rectangles (barcode
// modules, merged into runs per row) and text. Sizes in millimetres on the page,
// drawing in module units, so a printer gets crisp bars at any resolution.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

#include "shared/label/barcode_modules.h"

namespace bhm::label {

class SvgWriter {
public:
    // width/height in user units; `unit_mm` millimetres per user unit on paper.
    SvgWriter(double width, double height, double unit_mm);
    void barcode(const BarcodeModules& modules, double x, double y, double module, double bar_height);
    void text(std::string_view utf8, double x, double baseline, double size, bool bold);
    std::string finish();

private:
    std::ostringstream body_;
    double width_, height_, unit_mm_;
};

// XML-escaped text (&, <, >, ", ').
std::string xml_escape(std::string_view text);

}  // namespace bhm::label
