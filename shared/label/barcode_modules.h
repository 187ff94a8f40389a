// A barcode as a grid of modules (dark/light), made with ZXing's writers. Linear codes
// have one row; the renderers stretch it to the bar height. Used by every label format
// except ZPL, where the printer draws the barcode itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/label/label.h"

namespace bhm::label {

struct BarcodeModules {
    int columns = 0;
    int rows = 0;
    std::vector<std::uint8_t> dark;  // row-major, 1 = dark module
    bool linear = false;

    bool at(int column, int row) const { return dark[static_cast<std::size_t>(row * columns + column)] != 0; }
};

// Throws std::invalid_argument when ZXing cannot encode the text in that symbology.
BarcodeModules encode_modules(const std::string& text, LabelSymbology symbology);

// Quiet zone on each side, in modules, as the symbology's specification asks.
int quiet_zone_modules(const BarcodeModules& modules);

}  // namespace bhm::label
