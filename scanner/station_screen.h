// What the station operator sees: one line per scan, written as soon as the answer is
// known. OK lines, REFUSED lines with the terminal bell (\a), QUEUED when the server did
// not answer, and notes for mode changes and case slips. Safe to use from two threads.
#pragma once

#include <mutex>
#include <ostream>
#include <string>

#include "scanner/scan_event.h"
#include "scanner/server_answer.h"

namespace bhm::scan {

class StationScreen {
public:
    explicit StationScreen(std::ostream& out);

    // The answer to a scan sent just now.
    void answer(const ScanEvent& scan, const ServerAnswer& answer);
    // An answer that came back for a scan that had been queued.
    void queued_answer(const ScanEvent& scan, const ServerAnswer& answer);
    // A station-side note; `bell` for a refusal at the station.
    void note(const std::string& line, bool bell);

private:
    void write(const std::string& line, bool bell);
    std::ostream& out_;
    std::mutex mutex_;
};

// "REFUSED <detail> (<rule>)" without the bell.
std::string refusal_line(const ServerAnswer& answer);

}  // namespace bhm::scan
