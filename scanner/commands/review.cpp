// `bhm-scan review`: the refusals that came back for queued scans, which nobody saw at the
// moment of scanning. `--clear` acknowledges them (they leave the queue file).
#include <iostream>

#include "scanner/commands/commands.h"
#include "scanner/commands/station_link_options.h"
#include "scanner/scan_json.h"
#include "scanner/station_screen.h"

namespace bhm::scan {

int run_review(const Words& words) {
    Arguments args = Arguments::parse(words, OptionSpec{{"queue"}, {"clear"}, false});
    ScanQueue queue(queue_file_from(args));
    auto items = queue.refusals();
    if (items.empty()) {
        std::cout << "no refusals to review\n";
        return exit_ok;
    }
    for (const auto& item : items) {
        std::cout << item.scan.scanned_at << "  " << item.scan.station << "  " << item.scan.mode
                  << (item.scan.case_number.empty() ? "" : " case " + item.scan.case_number) << "  "
                  << code_summary(item.scan.code) << "  " << refusal_line(item.answer)
                  << "  id " << item.scan.id << "\n";
    }
    if (args.has("clear")) {
        std::size_t cleared = queue.acknowledge_refusals();
        std::cout << cleared << " refusal(s) acknowledged\n";
    } else {
        std::cout << items.size() << " refusal(s); 'bhm-scan review --clear' acknowledges them\n";
    }
    return exit_ok;
}

}  // namespace bhm::scan
