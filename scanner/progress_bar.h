// A one-line progress bar on stderr for a long sync of queued scans, redrawn in place:
//   sync [##########----------]  512/1024 scans
// Short syncs (at most one batch) draw nothing, so a station screen stays quiet.
#pragma once

#include <cstddef>
#include <ostream>

namespace bhm::scan {

class ProgressBar {
public:
    ProgressBar(std::ostream& out, std::size_t threshold);
    void update(std::size_t done, std::size_t total);
    // Ends the line if anything was drawn.
    void finish();

private:
    std::ostream& out_;
    std::size_t threshold_;
    bool drawn_ = false;
    std::size_t last_percent_ = 101;
};

}  // namespace bhm::scan
