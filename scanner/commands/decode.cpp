// `bhm-scan decode IMAGE...`: every barcode in PNG/JPEG photos, one JSON line each (the
// parse JSON plus "file" and "format"). Exit 1 if a file could not be read or held no
// barcode; the other files are still decoded.
#include <iostream>

#include "scanner/commands/commands.h"
#include "scanner/image_decode.h"
#include "scanner/scan_json.h"
#include "scanner/text_escapes.h"

namespace bhm::scan {

int run_decode(const Words& words) {
    Arguments args = Arguments::parse(words, OptionSpec{{}, {}, true});
    if (args.positional().empty()) throw UsageError("name at least one PNG or JPEG file");
    int status = exit_ok;
    for (const auto& file : args.positional()) {
        try {
            auto barcodes = decode_image_file(file);
            if (barcodes.empty()) {
                std::cerr << "bhm-scan decode: no barcode found in '" << file << "'\n";
                status = exit_failed;
            }
            for (const auto& barcode : barcodes) {
                auto description = describe_scan(barcode.raw);
                auto json = description.json;
                if (!description.ok) json->set("raw", as_utf8(printable(barcode.raw)));
                json->set("file", file);
                json->set("format", barcode.format);
                std::cout << to_line(json) << "\n";
            }
        } catch (const ImageError& e) {
            std::cerr << "bhm-scan decode: " << file << ": " << e.what() << "\n";
            status = exit_failed;
        }
    }
    return status;
}

}  // namespace bhm::scan
