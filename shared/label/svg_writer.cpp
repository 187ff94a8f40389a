// Writes the SVG text; each row of dark modules becomes as few <rect>s as possible.
#include "shared/label/svg_writer.h"

namespace bhm::label {

std::string xml_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

SvgWriter::SvgWriter(double width, double height, double unit_mm)
    : width_(width), height_(height), unit_mm_(unit_mm) {}

void SvgWriter::barcode(const BarcodeModules& modules, double x, double y, double module, double bar_height) {
    body_ << "<g fill=\"#000\" shape-rendering=\"crispEdges\">\n";
    for (int r = 0; r < modules.rows; ++r) {
        for (int c = 0; c < modules.columns;) {
            if (!modules.at(c, r)) {
                ++c;
                continue;
            }
            int run = 1;
            while (c + run < modules.columns && modules.at(c + run, r)) ++run;
            body_ << "<rect x=\"" << x + c * module << "\" y=\"" << y + r * module << "\" width=\""
                  << run * module << "\" height=\"" << (modules.linear ? bar_height : module) << "\"/>\n";
            c += run;
        }
    }
    body_ << "</g>\n";
}

void SvgWriter::text(std::string_view utf8, double x, double baseline, double size, bool bold) {
    body_ << "<text x=\"" << x << "\" y=\"" << baseline << "\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\""
          << size << "\"" << (bold ? " font-weight=\"bold\"" : "") << ">" << xml_escape(utf8) << "</text>\n";
}

std::string SvgWriter::finish() {
    std::ostringstream svg;
    svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << width_ * unit_mm_ << "mm\" height=\""
        << height_ * unit_mm_ << "mm\" viewBox=\"0 0 " << width_ << " " << height_ << "\">\n"
        << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
        << body_.str() << "</svg>\n";
    return svg.str();
}

}  // namespace bhm::label
