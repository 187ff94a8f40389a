// Formats the station's screen lines. The bell goes at the end of a refusal line so a
// terminal beeps as the line appears; a reader's own beep only says "read", not "accepted".
#include "scanner/station_screen.h"

#include "scanner/scan_json.h"

namespace bhm::scan {

StationScreen::StationScreen(std::ostream& out) : out_(out) {}

std::string refusal_line(const ServerAnswer& answer) {
    std::string detail = answer.detail.empty() ? answer.title : answer.detail;
    if (detail.empty()) detail = "refused by the server (HTTP " + std::to_string(answer.status) + ")";
    std::string line = "REFUSED " + detail;
    if (!answer.rule.empty()) line += " (" + answer.rule + ")";
    return line;
}

void StationScreen::write(const std::string& line, bool bell) {
    std::lock_guard lock(mutex_);
    out_ << line << (bell ? "\a" : "") << "\n" << std::flush;
}

void StationScreen::answer(const ScanEvent& scan, const ServerAnswer& answer) {
    using Kind = ServerAnswer::Kind;
    switch (answer.kind) {
        case Kind::accepted:
            write("OK  " + code_summary(scan.code) + (answer.message.empty() ? "" : "  " + answer.message), false);
            break;
        case Kind::refused:
        case Kind::malformed:
            write(refusal_line(answer), true);
            break;
        case Kind::unanswered:
            write("QUEUED " + code_summary(scan.code), false);
            break;
        case Kind::unauthorized:
            write("STOPPED " + answer.problem, true);
            break;
    }
}

void StationScreen::queued_answer(const ScanEvent& scan, const ServerAnswer& answer) {
    const std::string origin = "[queued scan " + code_summary(scan.code) + " at " + scan.scanned_at + "]";
    if (answer.kind == ServerAnswer::Kind::accepted)
        write("OK  " + code_summary(scan.code) + (answer.message.empty() ? "" : "  " + answer.message) +
                  "  [sent from the queue]",
              false);
    else if (answer.is_refusal())
        write(refusal_line(answer) + "  " + origin + " kept for review", true);
}

void StationScreen::note(const std::string& line, bool bell) { write(line, bell); }

}  // namespace bhm::scan
