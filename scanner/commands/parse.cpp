// `bhm-scan parse`: one scan from stdin (raw bytes) or --text (with <GS> / \x1d escapes),
// printed as one JSON object; exit 2 with {"error","at"} when it cannot be parsed.
#include <iostream>
#include <iterator>

#include "scanner/commands/commands.h"
#include "scanner/scan_json.h"
#include "scanner/text_escapes.h"

namespace bhm::scan {

int run_parse(const Words& words) {
    Arguments args = Arguments::parse(words, OptionSpec{{"text"}, {}, false});
    std::string raw;
    if (auto text = args.get("text")) {
        raw = unescape_scan_text(*text);
    } else {
        raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        // A reader or `echo` ends the scan with a line break; it is not part of the code.
        if (!raw.empty() && raw.back() == '\n') raw.pop_back();
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    }
    ScanDescription description = describe_scan(raw);
    std::cout << to_line(description.json) << "\n";
    return description.ok ? exit_ok : exit_usage;
}

}  // namespace bhm::scan
