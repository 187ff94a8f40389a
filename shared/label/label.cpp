// Lays out and renders asset-tag labels: barcode on top, the tag in bold below it, the
// model under that. PNG on a pixel grid (3 px bars / 8 px DataMatrix modules), SVG in
// millimetres (0.33 mm bars / 0.6 mm modules), ZPL for a 203 dpi Zebra printer.
#include "shared/label/label.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "shared/label/barcode_modules.h"
#include "shared/label/raster.h"
#include "shared/label/svg_writer.h"

namespace bhm::label {

namespace {

bool valid_utf8_line(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
        if (len == 0 || i + len > text.size()) return false;
        if (len == 1 && (c < 0x20 || c == 0x7f)) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
        i += len;
    }
    return true;
}

void validate(const LabelRequest& r) {
    if (r.tag.empty()) throw std::invalid_argument("the label needs an asset tag");
    if (r.tag.size() > 48) throw std::invalid_argument("asset tag '" + r.tag + "' is longer than 48 characters");
    for (char c : r.tag)
        if (c < 0x21 || c > 0x7e)
            throw std::invalid_argument("asset tag may only hold printable ASCII without spaces; got '" + r.tag + "'");
    if (r.model.size() > 80) throw std::invalid_argument("model name is longer than 80 bytes");
    if (!valid_utf8_line(r.model)) throw std::invalid_argument("model name must be one line of UTF-8 text");
}

std::string render_png(const LabelRequest& r, const BarcodeModules& modules) {
    const int module = modules.linear ? 3 : 8;
    const int quiet = quiet_zone_modules(modules) * module;
    const int bar_height = modules.linear ? 90 : modules.rows * module;
    const int code_w = modules.columns * module + 2 * quiet;
    const int gap = 16, margin = 20;
    const int tag_scale = 3, model_scale = 2;
    const int width = std::max({code_w, text_width(r.tag, tag_scale) + 2 * margin,
                                text_width(r.model, model_scale) + 2 * margin});
    int height = quiet + bar_height + gap + text_height(tag_scale) + margin;
    if (!r.model.empty()) height += text_height(model_scale);

    GreyCanvas canvas(width, height);
    canvas.draw_barcode(modules, (width - modules.columns * module) / 2, quiet, module, bar_height);
    int y = quiet + bar_height + gap;
    canvas.draw_text(r.tag, (width - text_width(r.tag, tag_scale)) / 2, y, tag_scale);
    y += text_height(tag_scale);
    if (!r.model.empty()) canvas.draw_text(r.model, (width - text_width(r.model, model_scale)) / 2, y, model_scale);
    return canvas.encode_png();
}

std::string render_svg(const LabelRequest& r, const BarcodeModules& modules) {
    const double module = modules.linear ? 0.33 : 0.6;  // mm
    const double quiet = quiet_zone_modules(modules) * module;
    const double bar_height = modules.linear ? 12.0 : modules.rows * module;
    const double tag_size = 4.0, model_size = 3.0, char_w = 0.62, margin = 3.0;
    const double code_w = modules.columns * module + 2 * quiet;
    const double width = std::max({code_w, static_cast<double>(r.tag.size()) * tag_size * char_w + 2 * margin,
                                   static_cast<double>(r.model.size()) * model_size * char_w + 2 * margin});
    const double tag_base = quiet + bar_height + 1.5 + tag_size;
    const double height = tag_base + (r.model.empty() ? 0 : 1.0 + model_size) + margin;

    SvgWriter svg(width, height, 1.0);
    svg.barcode(modules, (width - modules.columns * module) / 2, quiet, module, bar_height);
    svg.text(r.tag, margin, tag_base, tag_size, true);
    if (!r.model.empty()) svg.text(r.model, margin, tag_base + 1.0 + model_size, model_size, false);
    return svg.finish();
}

// ZPL field data behind ^FH: '^', '~', '_' and every non-ASCII byte as _XX.
std::string zpl_field(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '^' || c == '~' || c == '_' || c < 0x20 || c >= 0x7f) {
            out += '_';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += ch;
        }
    }
    return out;
}

std::string render_zpl(const LabelRequest& r) {
    // 203 dpi: 8 dots per mm. Code 128 at 2 dots a module, DataMatrix at 8.
    const bool linear = r.symbology == LabelSymbology::code128;
    const int modules_wide = linear ? static_cast<int>(11 * r.tag.size() + 35) : 24;
    const int code_w = modules_wide * (linear ? 2 : 8) + 80;
    const int text_w = static_cast<int>(std::max(r.tag.size() * 24, r.model.size() * 17)) + 80;
    const int code_h = linear ? 100 : 200;
    std::ostringstream zpl;
    zpl << "^XA\n^CI28\n^PW" << std::max(code_w, text_w) << "\n";
    if (linear)
        zpl << "^FO40,30^BY2^BCN," << code_h << ",N,N,N^FH^FD" << zpl_field(r.tag) << "^FS\n";
    else
        zpl << "^FO40,30^BXN,8,200^FH^FD" << zpl_field(r.tag) << "^FS\n";
    const int y = 30 + code_h + 20;
    zpl << "^FO40," << y << "^A0N,40,40^FH^FD" << zpl_field(r.tag) << "^FS\n";
    if (!r.model.empty()) zpl << "^FO40," << y + 50 << "^A0N,28,28^FH^FD" << zpl_field(r.model) << "^FS\n";
    zpl << "^XZ\n";
    return zpl.str();
}

}  // namespace

std::string render_label(const LabelRequest& request) {
    validate(request);
    if (request.format == LabelFormat::zpl) return render_zpl(request);
    const BarcodeModules modules = encode_modules(request.tag, request.symbology);
    return request.format == LabelFormat::png ? render_png(request, modules) : render_svg(request, modules);
}

std::string_view content_type(LabelFormat format) {
    switch (format) {
        case LabelFormat::png: return "image/png";
        case LabelFormat::svg: return "image/svg+xml";
        case LabelFormat::zpl: return "application/x-zpl";
    }
    return "application/octet-stream";
}

std::string_view to_string(LabelFormat format) {
    switch (format) {
        case LabelFormat::png: return "png";
        case LabelFormat::svg: return "svg";
        case LabelFormat::zpl: return "zpl";
    }
    return "png";
}

std::string_view to_string(LabelSymbology symbology) {
    return symbology == LabelSymbology::code128 ? "code128" : "datamatrix";
}

std::optional<LabelFormat> label_format_from(std::string_view name) {
    if (name == "png") return LabelFormat::png;
    if (name == "svg") return LabelFormat::svg;
    if (name == "zpl") return LabelFormat::zpl;
    return std::nullopt;
}

std::optional<LabelSymbology> label_symbology_from(std::string_view name) {
    if (name == "code128") return LabelSymbology::code128;
    if (name == "datamatrix") return LabelSymbology::datamatrix;
    return std::nullopt;
}

}  // namespace bhm::label
