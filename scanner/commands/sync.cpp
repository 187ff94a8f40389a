// `bhm-scan sync --server URL`: sends the offline queue once, in order and in batches,
// then exits (for tests and cron). Exit 0 when nothing is left pending, 4 when the
// server could not be reached for some scans, 3 when it refused the station token.
#include <iostream>

#include "scanner/commands/commands.h"
#include "scanner/commands/station_link_options.h"
#include "scanner/progress_bar.h"
#include "scanner/station_screen.h"

namespace bhm::scan {

int run_sync(const Words& words) {
    Arguments args = Arguments::parse(words, OptionSpec{station_link_option_names, {}, false});
    StationLink link = station_link_from(args);
    StationScreen screen(std::cout);
    ProgressBar bar(std::cerr, max_batch_size);
    SyncReport report = link.courier->sync(
        [&](const ScanEvent& s, const ServerAnswer& a) { screen.queued_answer(s, a); },
        [&](std::size_t done, std::size_t total) { bar.update(done, total); });
    bar.finish();
    std::cerr << "sync: " << report.accepted << " accepted, " << report.refused
              << " refused (kept for review), " << report.left << " still queued"
              << (report.problem.empty() ? "" : "; " + report.problem) << "\n";
    if (report.unauthorized) return exit_unauthorized;
    return report.left == 0 ? exit_ok : exit_left_queued;
}

}  // namespace bhm::scan
