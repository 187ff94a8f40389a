// GS1 element strings (the content of GS1 DataMatrix, GS1-128, GS1 QR, DataBar): a run of
// application identifiers and their data, as the reader sends it (FNC1 as GS) or in the bracketed
// human-readable form "(01)09506000134352(17)201225(10)ABC123". Every fault names its byte offset.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/barcode/dates.h"
#include "shared/barcode/gs1_ai.h"
#include "shared/barcode/gs1_check_digit.h"
#include "shared/barcode/parse_error.h"

namespace bhm::barcode {

inline constexpr char kGroupSeparator = '\x1D';  // ASCII GS: how readers transmit FNC1

struct GS1Options {
    int reference_year = kDefaultReferenceYear;  // for two-digit years, GS1 GenSpecs §7.12
    char separator = kGroupSeparator;            // what this reader sends for FNC1
};

struct GS1Element {
    std::string ai;      // "01", "3103"
    std::string value;   // the data exactly as scanned
    std::string iso;     // date AIs: "YYYY-MM-DD" (7003: "YYYY-MM-DDThh:mm"); otherwise ""
    std::size_t at = 0;  // byte offset of the AI in the parsed text
};

struct GS1Data {
    std::vector<GS1Element> elements;  // in scan order

    const GS1Element* find(std::string_view ai) const;  // first element with this AI, or nullptr
    std::string value_of(std::string_view ai) const;    // "" when absent
    std::string iso_of(std::string_view ai) const;      // "" when absent or not a date
};

// True when `text` starts like the bracketed form: '(' + 2 to 4 digits + ')'.
bool looks_like_bracketed_gs1(std::string_view text);

// Parses either form. A leading separator (FNC1 in first position) is skipped. A separator after
// a fixed-length field is tolerated; a separator inside one, twice in a row, or where an AI should
// start is refused. In the bracketed form data runs up to the next '(' + 2-4 digits + ')', so a
// parenthesis that does not open an AI stays in the data. Offsets in errors are byte offsets in `text`.
Outcome<GS1Data> parse_gs1(std::string_view text, GS1Options options = {});

}  // namespace bhm::barcode
