// Draws the sync progress bar; redraws only when the percentage changes.
#include "scanner/progress_bar.h"

#include <string>

namespace bhm::scan {

ProgressBar::ProgressBar(std::ostream& out, std::size_t threshold)
    : out_(out), threshold_(threshold) {}

void ProgressBar::update(std::size_t done, std::size_t total) {
    if (total <= threshold_ || total == 0) return;
    if (done > total) done = total;
    const std::size_t percent = done * 100 / total;
    if (percent == last_percent_ && done != total) return;
    last_percent_ = percent;
    constexpr std::size_t width = 30;
    const std::size_t filled = done * width / total;
    out_ << "\rsync [" << std::string(filled, '#') << std::string(width - filled, '-') << "] "
         << done << "/" << total << " scans" << std::flush;
    drawn_ = true;
}

void ProgressBar::finish() {
    if (drawn_) out_ << "\n" << std::flush;
    drawn_ = false;
    last_percent_ = 101;
}

}  // namespace bhm::scan
