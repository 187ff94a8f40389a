// Stable snake_case codes for parse faults, so the server and the scanner name them the same way.
#include "shared/barcode/parse_error.h"

#include <cstdio>

namespace bhm::barcode {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::empty: return "empty";
        case ErrorKind::too_long: return "too_long";
        case ErrorKind::too_short: return "too_short";
        case ErrorKind::bad_char: return "bad_char";
        case ErrorKind::bad_check: return "bad_check";
        case ErrorKind::unknown_ai: return "unknown_ai";
        case ErrorKind::invalid_date: return "invalid_date";
        case ErrorKind::misplaced_separator: return "misplaced_separator";
        case ErrorKind::duplicate_ai: return "duplicate_ai";
        case ErrorKind::malformed: return "malformed";
        case ErrorKind::unsupported: return "unsupported";
    }
    return "malformed";
}

std::string quote_char(char c) {
    if (c == '\x1D') return "GS (FNC1)";
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) return std::string{'\'', c, '\''};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X", static_cast<unsigned>(byte));
    return buffer;
}

}  // namespace bhm::barcode
