// bhm-scan: the scan-station client. This file only dispatches to one command per file
// (scanner/commands/) and turns uncaught errors into a clear message and exit status.
#include <iostream>
#include <map>
#include <string>

#include "scanner/arguments.h"
#include "scanner/commands/commands.h"

namespace {

using Command = int (*)(const bhm::scan::Words&);

const std::map<std::string, std::pair<Command, const char*>>& commands() {
    static const std::map<std::string, std::pair<Command, const char*>> table{
        {"list", {bhm::scan::run_list, "attached readers and the USB personality chosen"}},
        {"parse", {bhm::scan::run_parse, "parse one scan (stdin or --text) and print it as JSON"}},
        {"listen", {bhm::scan::run_listen, "read the readers and send every scan to bhm-server"}},
        {"sync", {bhm::scan::run_sync, "send the offline queue once and exit"}},
        {"review", {bhm::scan::run_review, "list refusals of queued scans (--clear acknowledges)"}},
        {"decode", {bhm::scan::run_decode, "read every barcode in PNG/JPEG photos"}},
        {"label", {bhm::scan::run_label, "render an asset-tag label (png, svg, zpl)"}},
        {"modesheet", {bhm::scan::run_modesheet, "print sheet with the MODE: and END barcodes"}},
    };
    return table;
}

// Options per command, for `bhm-scan <command> --help`.
const std::map<std::string, const char*>& options() {
    static const std::map<std::string, const char*> table{
        {"list", "[--readers FILE] [--device VID:PID] [--layout us|no]"},
        {"parse", "[--text TEXT]   (raw scan on stdin otherwise; <GS> or \\x1d in TEXT is the group separator)"},
        {"listen",
         "--server URL --station NAME [--mode receive|return|issue|inspect|count] [--token TOKEN]\n"
         "         [--queue FILE] [--http-timeout SECONDS] [--retry SECONDS] [--stdin] [--print]\n"
         "         [--max-scans N] [--timeout SECONDS] [--readers FILE] [--device VID:PID] [--layout us|no]\n"
         "  token: --token or BHM_STATION_TOKEN; readers: --readers or BHM_READERS"},
        {"sync", "--server URL [--token TOKEN] [--queue FILE] [--http-timeout SECONDS]"},
        {"review", "[--queue FILE] [--clear]"},
        {"decode", "IMAGE..."},
        {"label", "--tag TAG [--model TEXT] [--format png|svg|zpl] [--symbology code128|datamatrix] -o FILE"},
        {"modesheet", "[--format png|svg] [--symbology code128|datamatrix] -o FILE"},
    };
    return table;
}

int usage(std::ostream& out) {
    out << "usage: bhm-scan <command> [options]\n\ncommands:\n";
    for (const auto& [name, entry] : commands()) out << "  " << name << std::string(12 - name.size(), ' ') << entry.second << "\n";
    out << "\nrun 'bhm-scan <command> --help' for a command's options\n";
    return bhm::scan::exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(std::cerr);
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return bhm::scan::exit_ok;
    }
    auto it = commands().find(name);
    if (it == commands().end()) {
        std::cerr << "bhm-scan: unknown command '" << name << "'\n";
        return usage(std::cerr);
    }
    bhm::scan::Words words(argv + 2, argv + argc);
    for (const auto& w : words)
        if (w == "--help" || w == "-h") {
            std::cout << "usage: bhm-scan " << name << " " << options().at(name) << "\n\n"
                      << it->second.second << "\n";
            return bhm::scan::exit_ok;
        }
    try {
        return it->second.first(words);
    } catch (const bhm::scan::UsageError& e) {
        std::cerr << "bhm-scan " << name << ": " << e.what() << "\n";
        return bhm::scan::exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "bhm-scan " << name << ": " << e.what() << "\n";
        return bhm::scan::exit_failed;
    }
}
