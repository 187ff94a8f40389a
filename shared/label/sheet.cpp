// Renders barcode sheets on the same canvas and SVG writer as the labels.
#include "shared/label/sheet.h"

#include <algorithm>
#include <stdexcept>

#include "shared/label/barcode_modules.h"
#include "shared/label/raster.h"
#include "shared/label/svg_writer.h"

namespace bhm::label {

namespace {

std::vector<BarcodeModules> encode_all(const std::vector<SheetEntry>& entries, LabelSymbology symbology) {
    if (entries.empty()) throw std::invalid_argument("a sheet needs at least one barcode");
    std::vector<BarcodeModules> out;
    for (const auto& e : entries) {
        if (e.code.empty()) throw std::invalid_argument("a sheet barcode may not be empty");
        out.push_back(encode_modules(e.code, symbology));
    }
    return out;
}

std::string sheet_png(const std::string& title, const std::vector<SheetEntry>& entries,
                      const std::vector<BarcodeModules>& codes) {
    const int module = codes.front().linear ? 3 : 8, margin = 60, gap = 50;
    const int caption_scale = 3, title_scale = 4;
    int width = text_width(title, title_scale) + 2 * margin;
    int height = margin + text_height(title_scale) + gap;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const int quiet = quiet_zone_modules(codes[i]) * module;
        width = std::max({width, codes[i].columns * module + 2 * quiet + 2 * margin,
                          text_width(entries[i].caption, caption_scale) + 2 * margin});
        height += (codes[i].linear ? 90 : codes[i].rows * module) + 2 * quiet + text_height(caption_scale) + gap;
    }
    GreyCanvas canvas(width, height);
    canvas.draw_text(title, margin, margin, title_scale);
    int y = margin + text_height(title_scale) + gap;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const int quiet = quiet_zone_modules(codes[i]) * module;
        const int bar_height = codes[i].linear ? 90 : codes[i].rows * module;
        canvas.draw_barcode(codes[i], margin + quiet, y + quiet, module, bar_height);
        y += bar_height + 2 * quiet;
        canvas.draw_text(entries[i].caption, margin + quiet, y, caption_scale);
        y += text_height(caption_scale) + gap;
    }
    return canvas.encode_png();
}

std::string sheet_svg(const std::string& title, const std::vector<SheetEntry>& entries,
                      const std::vector<BarcodeModules>& codes) {
    const double module = codes.front().linear ? 0.33 : 0.6, margin = 15, gap = 10;
    const double title_size = 7, caption_size = 5;
    double width = 210;  // A4 width in mm; longer content widens the page
    double y = margin + title_size + gap;
    std::vector<double> tops;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const double quiet = quiet_zone_modules(codes[i]) * module;
        width = std::max(width, codes[i].columns * module + 2 * quiet + 2 * margin);
        tops.push_back(y);
        y += (codes[i].linear ? 15 : codes[i].rows * module) + 2 * quiet + caption_size + gap;
    }
    SvgWriter svg(width, y + margin, 1.0);
    svg.text(title, margin, margin + title_size, title_size, true);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const double quiet = quiet_zone_modules(codes[i]) * module;
        const double bar_height = codes[i].linear ? 15 : codes[i].rows * module;
        svg.barcode(codes[i], margin + quiet, tops[i] + quiet, module, bar_height);
        svg.text(entries[i].caption, margin + quiet, tops[i] + bar_height + 2 * quiet + caption_size, caption_size, false);
    }
    return svg.finish();
}

}  // namespace

std::string render_sheet(const std::string& title, const std::vector<SheetEntry>& entries,
                         LabelFormat format, LabelSymbology symbology) {
    if (format == LabelFormat::zpl) throw std::invalid_argument("sheets are printed as PNG or SVG, not ZPL");
    auto codes = encode_all(entries, symbology);
    return format == LabelFormat::png ? sheet_png(title, entries, codes) : sheet_svg(title, entries, codes);
}

}  // namespace bhm::label
