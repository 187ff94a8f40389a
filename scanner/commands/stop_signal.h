// SIGINT / SIGTERM ask the listen loop to stop after the scan in hand; the loop polls
// stop_requested() between waits. Installed without SA_RESTART so waits return early.
#pragma once

namespace bhm::scan {

void install_stop_signals();
bool stop_requested();

}  // namespace bhm::scan
