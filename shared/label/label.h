// Asset-tag labels: the unit's own tag as a barcode, the tag in text and the device model,
// rendered as PNG, SVG or ZPL (Zebra printers). A pure API, file bytes out, so bhm-server
// can serve GET /api/v1/devices/{id}/label.{png,svg,zpl} with the same code. Depends only
// on ZXing (encoding), stb (PNG writing) and the standard library.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhm::label {

enum class LabelFormat { png, svg, zpl };
enum class LabelSymbology { code128, datamatrix };

struct LabelRequest {
    std::string tag;    // e.g. "BHM0000123X": printable ASCII, 1..48 characters
    std::string model;  // e.g. "ResMed AirSense 10": UTF-8, at most 80 bytes, may be empty
    LabelFormat format = LabelFormat::png;
    LabelSymbology symbology = LabelSymbology::code128;
};

// The label file's bytes. Throws std::invalid_argument with a clear message for a tag
// or model that cannot go on a label.
std::string render_label(const LabelRequest& request);

// MIME type for a format: image/png, image/svg+xml, application/x-zpl (text).
std::string_view content_type(LabelFormat format);

// "png" | "svg" | "zpl" and "code128" | "datamatrix", and back.
std::string_view to_string(LabelFormat format);
std::string_view to_string(LabelSymbology symbology);
std::optional<LabelFormat> label_format_from(std::string_view name);
std::optional<LabelSymbology> label_symbology_from(std::string_view name);

}  // namespace bhm::label
