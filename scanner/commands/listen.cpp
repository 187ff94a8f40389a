// `bhm-scan listen`: the station's main loop. Reads scans from the USB readers (or stdin),
// runs them through the station state machine and sends device scans to bhm-server,
// answering every scan at once on the screen, queued or not. `--print` only prints each
// decoded scan as JSON and sends nothing; --max-scans / --timeout end the loop.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "scanner/background_sync.h"
#include "scanner/commands/commands.h"
#include "scanner/commands/reader_options.h"
#include "scanner/commands/station_link_options.h"
#include "scanner/commands/stop_signal.h"
#include "scanner/progress_bar.h"
#include "scanner/scan_json.h"
#include "scanner/scan_source.h"
#include "scanner/station_screen.h"
#include "scanner/station_state.h"

namespace bhm::scan {

namespace {

using Clock = std::chrono::steady_clock;

// Ends the loop after --max-scans scans or --timeout seconds, whichever comes first.
struct ListenLimits {
    std::optional<long> max_scans;
    std::optional<Clock::time_point> deadline;
    long scans = 0;

    bool reached() const {
        return (max_scans && scans >= *max_scans) || (deadline && Clock::now() >= *deadline);
    }
    std::chrono::milliseconds next_wait() const {
        auto wait = std::chrono::milliseconds(200);
        if (deadline) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
            if (left < wait) wait = std::max(left, std::chrono::milliseconds(0));
        }
        return wait;
    }
};

std::optional<SourceScan> next_scan(ScanSource& source, ListenLimits& limits) {
    while (!limits.reached() && !stop_requested() && !source.exhausted()) {
        if (auto scan = source.next(limits.next_wait())) {
            ++limits.scans;
            return scan;
        }
    }
    return std::nullopt;
}

int print_scans(ScanSource& source, ListenLimits& limits) {
    while (auto scan = next_scan(source, limits)) {
        auto json = describe_scan(scan->raw).json;
        json->set("reader", scan->reader);
        std::cout << to_line(json) << "\n" << std::flush;
    }
    return exit_ok;
}

// What a sending station needs, checked before any reader is claimed.
struct SendSettings {
    StationLink link;
    std::string station;
    StationMode mode = StationMode::receive;
    std::chrono::seconds retry{10};
};

SendSettings send_settings_from(const Arguments& args) {
    SendSettings s;
    s.station = args.value("station", "");
    if (s.station.empty()) throw UsageError("--station NAME is needed to send scans (or use --print)");
    auto mode = station_mode_from(args.value("mode", "receive"));
    if (!mode) throw UsageError("--mode must be one of receive, return, issue, inspect, count");
    s.mode = *mode;
    s.retry = std::chrono::seconds(args.number("retry", 1, 3600).value_or(10));
    s.link = station_link_from(args);
    return s;
}

int send_scans(ScanSource& source, ListenLimits& limits, SendSettings& settings) {
    StationLink& link = settings.link;
    const std::string& station = settings.station;
    const auto retry = settings.retry;
    StationScreen screen(std::cout);
    ProgressBar bar(std::cerr, max_batch_size);
    BackgroundSync sync(*link.courier, *link.queue, retry,
                        [&](const ScanEvent& s, const ServerAnswer& a) { screen.queued_answer(s, a); },
                        [&](std::size_t done, std::size_t total) {
                            bar.update(done, total);
                            if (done == total) bar.finish();
                        });

    StationState state{settings.mode, std::nullopt};
    screen.note("station " + station + " ready, MODE " + to_string(state.mode) +
                    (state.mode == StationMode::issue ? ": scan a case slip first" : ""),
                false);
    while (auto scan = next_scan(source, limits)) {
        StationStep step = apply_scan(state, scan->raw);
        state = step.state;
        if (step.kind != StationStep::Kind::send_scan) {
            const bool refused = step.kind == StationStep::Kind::refused;
            screen.note(refused ? "REFUSED " + step.note : step.note, refused);
            continue;
        }
        if (auto parsed = describe_scan(scan->raw); !parsed.ok) {
            screen.note("REFUSED unreadable barcode: " + parsed.json->getValue<std::string>("error") +
                            " (at byte " + parsed.json->get("at").toString() + "); not sent",
                        true);
            continue;
        }
        ScanEvent event = make_scan_event(station, to_string(state.mode), scan->raw,
                                          state.case_number.value_or(""), step.quantity);
        ServerAnswer answer = link.courier->deliver(event);
        screen.answer(event, answer);
        if (answer.kind == ServerAnswer::Kind::unauthorized) {
            std::cerr << "bhm-scan listen: " << answer.problem
                      << "; check --token / BHM_STATION_TOKEN. The scan is kept in the queue.\n";
            return exit_unauthorized;
        }
        if (answer.kind == ServerAnswer::Kind::unanswered) sync.nudge();
        if (sync.unauthorized()) break;
    }
    sync.stop();
    if (sync.unauthorized()) {
        std::cerr << "bhm-scan listen: " << sync.problem()
                  << "; check --token / BHM_STATION_TOKEN. Queued scans are kept.\n";
        return exit_unauthorized;
    }
    if (std::size_t left = link.queue->pending_count(); left > 0)
        std::cerr << "bhm-scan listen: " << left
                  << " scan(s) still queued; the next listen or sync sends them\n";
    return exit_ok;
}

}  // namespace

int run_listen(const Words& words) {
    OptionSpec spec{{"max-scans", "timeout", "station", "mode", "retry"}, {"print", "stdin"}, false};
    spec.valued.insert(spec.valued.end(), reader_option_names.begin(), reader_option_names.end());
    spec.valued.insert(spec.valued.end(), station_link_option_names.begin(), station_link_option_names.end());
    Arguments args = Arguments::parse(words, spec);

    ListenLimits limits;
    limits.max_scans = args.number("max-scans", 1, 1000000000);
    if (auto seconds = args.number("timeout", 0, 31536000))
        limits.deadline = Clock::now() + std::chrono::seconds(*seconds);

    std::optional<SendSettings> settings;
    if (!args.has("print")) settings = send_settings_from(args);
    std::unique_ptr<ScanSource> source =
        args.has("stdin") ? make_stdin_source() : make_usb_source(hub_options_from(args));
    install_stop_signals();
    if (!settings) return print_scans(*source, limits);
    return send_scans(*source, limits, *settings);
}

}  // namespace bhm::scan
