// AIM symbology identifiers (ISO/IEC 15424): the "]" + code letter + modifier a reader may put in
// front of the data. They tell which symbology was read and whether it carries GS1 element strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bhm::barcode {

inline constexpr std::size_t kAimIdentifierLength = 3;  // "]d2"

struct AimIdentifier {
    char code = 0;      // symbology letter, case matters: 'd' Data Matrix, 'E' EAN/UPC, 'e' GS1 DataBar
    char modifier = 0;  // '0'-'9' or 'A'-'Z'
    std::string text() const;  // "]d2"
};

// The identifier at the start of `scan`, or nullopt when it does not start with a well-formed one
// (']' followed by an ASCII letter and a digit or capital letter).
std::optional<AimIdentifier> read_aim_identifier(std::string_view scan);

// Human name, e.g. "GS1 DataMatrix", "EAN-8"; "unknown symbology ]y0" for letters not in our table.
std::string symbology_name(AimIdentifier id);

// True when the identifier says FNC1 was in first position: the data is a GS1 element string.
bool implies_gs1(AimIdentifier id);

// True when the reader checked the symbol's own check character and removed it from the data
// (Code 39 modifiers 3 and 7). HIBC in Code 39 then arrives without its mod-43 check character.
bool check_character_stripped(AimIdentifier id);

}  // namespace bhm::barcode
