// A printable sheet of control barcodes with captions (e.g. the scan station's mode sheet:
// MODE:receive ... END). One barcode per row, caption under it, a title on top.
#pragma once

#include <string>
#include <vector>

#include "shared/label/label.h"

namespace bhm::label {

struct SheetEntry {
    std::string code;     // what the barcode holds, printable ASCII
    std::string caption;  // what a person reads under it
};

// PNG or SVG bytes (ZPL is for labels, not sheets: std::invalid_argument).
std::string render_sheet(const std::string& title, const std::vector<SheetEntry>& entries,
                         LabelFormat format, LabelSymbology symbology);

}  // namespace bhm::label
