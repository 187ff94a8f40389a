// `bhm-scan modesheet -o FILE [--format png|svg] [--symbology code128|datamatrix]`:
// the sheet staff keep at the station: one barcode per MODE: and the END barcode.
#include <stdexcept>

#include "scanner/commands/commands.h"
#include "scanner/commands/output_file.h"
#include "shared/label/sheet.h"
#include "scanner/station_state.h"

namespace bhm::scan {

namespace {
const std::vector<std::pair<StationMode, const char*>> mode_captions{
    {StationMode::receive, "RECEIVE - devices arriving at the warehouse"},
    {StationMode::return_device, "RETURN - devices coming back from patients"},
    {StationMode::issue, "ISSUE - scan a case slip, then the devices for it"},
    {StationMode::inspect, "INSPECT - devices going to inspection / service"},
    {StationMode::count, "COUNT - stocktaking"},
};
}  // namespace

int run_modesheet(const Words& words) {
    Arguments args = Arguments::parse(with_long_output(words),
                                      OptionSpec{{"format", "symbology", "output"}, {}, false});
    const std::string format = format_from(args, "svg");
    auto f = bhm::label::label_format_from(format);
    if (!f || *f == bhm::label::LabelFormat::zpl)
        throw UsageError("--format must be png or svg, got '" + format + "'");
    const std::string symbology = args.value("symbology", "code128");
    auto s = bhm::label::label_symbology_from(symbology);
    if (!s) throw UsageError("--symbology must be code128 or datamatrix, got '" + symbology + "'");

    std::vector<bhm::label::SheetEntry> entries;
    for (const auto& [mode, caption] : mode_captions)
        entries.push_back({std::string(mode_barcode_prefix) + to_string(mode), caption});
    entries.push_back({std::string(end_barcode), "END - close the open case (issue mode)"});
    write_output(args, bhm::label::render_sheet("BHM scan station - modes", entries, *f, *s));
    return exit_ok;
}

}  // namespace bhm::scan
