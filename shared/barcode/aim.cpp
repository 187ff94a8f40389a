// The AIM symbology table: one row per (code letter, modifier) we know; '*' rows are the
// fallback name for a code letter. Modifier meanings follow ISO/IEC 15424 and the symbology specs.
#include "shared/barcode/aim.h"

#include <array>

namespace bhm::barcode {
namespace {

struct Symbology {
    char code;
    char modifier;  // '*' matches any modifier
    std::string_view name;
    bool gs1;
};

// Specific modifiers come before the '*' row of the same letter.
constexpr std::array kSymbologies{
    Symbology{'A', '*', "Code 39", false},
    Symbology{'C', '1', "GS1-128", true},
    Symbology{'C', '*', "Code 128", false},
    Symbology{'d', '2', "GS1 DataMatrix", true},
    Symbology{'d', '5', "GS1 DataMatrix (ECI)", true},
    Symbology{'d', '*', "Data Matrix", false},
    Symbology{'E', '0', "EAN-13 / UPC-A / UPC-E", false},
    Symbology{'E', '3', "EAN-13 / UPC with add-on", false},
    Symbology{'E', '4', "EAN-8", false},
    Symbology{'E', '*', "EAN/UPC", false},
    Symbology{'e', '*', "GS1 DataBar", true},
    Symbology{'F', '*', "Codabar", false},
    Symbology{'G', '*', "Code 93", false},
    Symbology{'H', '*', "Code 11", false},
    Symbology{'I', '*', "ITF (Interleaved 2 of 5)", false},
    Symbology{'L', '*', "PDF417", false},
    Symbology{'M', '*', "MSI Plessey", false},
    Symbology{'Q', '3', "GS1 QR Code", true},
    Symbology{'Q', '4', "GS1 QR Code (ECI)", true},
    Symbology{'Q', '*', "QR Code", false},
    Symbology{'z', '1', "GS1 Aztec Code", true},
    Symbology{'z', '4', "GS1 Aztec Code (ECI)", true},
    Symbology{'z', '*', "Aztec Code", false},
    Symbology{'X', '*', "other symbology (no AIM code)", false},
    Symbology{'Z', '*', "not from a barcode", false},
};

const Symbology* find_symbology(AimIdentifier id) {
    for (const auto& row : kSymbologies) {
        if (row.code == id.code && (row.modifier == '*' || row.modifier == id.modifier)) return &row;
    }
    return nullptr;
}

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_modifier(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string AimIdentifier::text() const { return std::string{']', code, modifier}; }

std::optional<AimIdentifier> read_aim_identifier(std::string_view scan) {
    if (scan.size() < kAimIdentifierLength || scan[0] != ']') return std::nullopt;
    if (!is_ascii_letter(scan[1]) || !is_modifier(scan[2])) return std::nullopt;
    return AimIdentifier{scan[1], scan[2]};
}

std::string symbology_name(AimIdentifier id) {
    if (const auto* row = find_symbology(id)) return std::string{row->name};
    return "unknown symbology " + id.text();
}

bool implies_gs1(AimIdentifier id) {
    const auto* row = find_symbology(id);
    return row != nullptr && row->gs1;
}

bool check_character_stripped(AimIdentifier id) {
    return id.code == 'A' && (id.modifier == '3' || id.modifier == '7');
}

}  // namespace bhm::barcode
