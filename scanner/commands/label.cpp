// `bhm-scan label --tag BHM0000123X --model "..." --format png|svg|zpl
//  --symbology code128|datamatrix -o FILE`: renders an asset-tag label with bhm_label.
#include <stdexcept>

#include "scanner/commands/commands.h"
#include "scanner/commands/output_file.h"
#include "shared/label/label.h"

namespace bhm::scan {

int run_label(const Words& words) {
    Arguments args = Arguments::parse(with_long_output(words),
                                      OptionSpec{{"tag", "model", "format", "symbology", "output"}, {}, false});
    bhm::label::LabelRequest request;
    request.tag = args.value("tag", "");
    if (request.tag.empty()) throw UsageError("--tag is needed, e.g. --tag BHM0000123X");
    request.model = args.value("model", "");
    const std::string format = format_from(args, "png");
    auto f = bhm::label::label_format_from(format);
    if (!f) throw UsageError("--format must be png, svg or zpl, got '" + format + "'");
    request.format = *f;
    const std::string symbology = args.value("symbology", "code128");
    auto s = bhm::label::label_symbology_from(symbology);
    if (!s) throw UsageError("--symbology must be code128 or datamatrix, got '" + symbology + "'");
    request.symbology = *s;
    std::string bytes;
    try {
        bytes = bhm::label::render_label(request);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    write_output(args, bytes);
    return exit_ok;
}

}  // namespace bhm::scan
