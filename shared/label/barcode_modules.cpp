// Encodes label text with ZXing 1.4's MultiFormatWriter at one pixel per module and no
// margin; quiet zones are the renderers' job (10 modules for Code 128, 1 for DataMatrix).
#define ZX_USE_UTF8
#include "shared/label/barcode_modules.h"

#include <stdexcept>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace bhm::label {

BarcodeModules encode_modules(const std::string& text, LabelSymbology symbology) {
    const bool linear = symbology == LabelSymbology::code128;
    ZXing::MultiFormatWriter writer(linear ? ZXing::BarcodeFormat::Code128 : ZXing::BarcodeFormat::DataMatrix);
    writer.setMargin(0);
    ZXing::BitMatrix matrix;
    try {
        matrix = writer.encode(text, 0, 0);
    } catch (const std::exception& e) {
        throw std::invalid_argument("cannot encode '" + text + "' as " + std::string(to_string(symbology)) +
                                    ": " + e.what());
    }
    BarcodeModules modules;
    modules.linear = linear;
    modules.columns = matrix.width();
    modules.rows = linear ? 1 : matrix.height();
    if (modules.columns <= 0 || modules.rows <= 0)
        throw std::invalid_argument("cannot encode '" + text + "' as " + std::string(to_string(symbology)));
    modules.dark.resize(static_cast<std::size_t>(modules.columns * modules.rows));
    for (int r = 0; r < modules.rows; ++r)
        for (int c = 0; c < modules.columns; ++c)
            modules.dark[static_cast<std::size_t>(r * modules.columns + c)] = matrix.get(c, r) ? 1 : 0;
    return modules;
}

int quiet_zone_modules(const BarcodeModules& modules) { return modules.linear ? 10 : 2; }

}  // namespace bhm::label
