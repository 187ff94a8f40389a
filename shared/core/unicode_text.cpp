// Hand-written tables of the Unicode properties in unicode_text.h. Every Nd range is ten code points
// starting at a zero, so the table lists the zeros only.
#include "shared/core/unicode_text.h"

#include <algorithm>
#include <array>

namespace bhm {
namespace {

// The code point of each script's digit zero (Unicode 15, general category Nd).
constexpr std::array<char32_t, 68> decimal_zeros{
    0x0030,   // ASCII
    0x0660,   // Arabic-Indic
    0x06F0,   // extended Arabic-Indic (Persian, Urdu)
    0x07C0,   // NKo
    0x0966,   // Devanagari
    0x09E6,   // Bengali
    0x0A66,   // Gurmukhi
    0x0AE6,   // Gujarati
    0x0B66,   // Oriya
    0x0BE6,   // Tamil
    0x0C66,   // Telugu
    0x0CE6,   // Kannada
    0x0D66,   // Malayalam
    0x0DE6,   // Sinhala Lith
    0x0E50,   // Thai
    0x0ED0,   // Lao
    0x0F20,   // Tibetan
    0x1040,   // Myanmar
    0x1090,   // Myanmar Shan
    0x17E0,   // Khmer
    0x1810,   // Mongolian
    0x1946,   // Limbu
    0x19D0,   // New Tai Lue
    0x1A80,   // Tai Tham Hora
    0x1A90,   // Tai Tham Tham
    0x1B50,   // Balinese
    0x1BB0,   // Sundanese
    0x1C40,   // Lepcha
    0x1C50,   // Ol Chiki
    0xA620,   // Vai
    0xA8D0,   // Saurashtra
    0xA900,   // Kayah Li
    0xA9D0,   // Javanese
    0xA9F0,   // Myanmar Tai Laing
    0xAA50,   // Cham
    0xABF0,   // Meetei Mayek
    0xFF10,   // full-width
    0x104A0,  // Osmanya
    0x10D30,  // Hanifi Rohingya
    0x11066,  // Brahmi
    0x110F0,  // Sora Sompeng
    0x11136,  // Chakma
    0x111D0,  // Sharada
    0x112F0,  // Khudawadi
    0x11450,  // Newa
    0x114D0,  // Tirhuta
    0x11650,  // Modi
    0x116C0,  // Takri
    0x11730,  // Ahom
    0x118E0,  // Warang Citi
    0x11950,  // Dives Akuru
    0x11C50,  // Bhaiksuki
    0x11D50,  // Masaram Gondi
    0x11DA0,  // Gunjala Gondi
    0x11F50,  // Kawi
    0x16A60,  // Mro
    0x16AC0,  // Tangsa
    0x16B50,  // Pahawh Hmong
    0x1D7CE,  // mathematical bold
    0x1D7D8,  // mathematical double-struck
    0x1D7E2,  // mathematical sans-serif
    0x1D7EC,  // mathematical sans-serif bold
    0x1D7F6,  // mathematical monospace
    0x1E140,  // Nyiakeng Puachue Hmong
    0x1E2F0,  // Wancho
    0x1E4F0,  // Nag Mundari
    0x1E950,  // Adlam
    0x1FBF0,  // segmented (legacy computing)
};

struct Range { char32_t first, last; };

bool in_ranges(char32_t c, const auto& ranges) {
    return std::any_of(ranges.begin(), ranges.end(), [c](const Range& r) { return c >= r.first && c <= r.last; });
}

// General category Cf (Unicode 15).
constexpr std::array<Range, 20> format_ranges{{
    {0x00AD, 0x00AD},    // soft hyphen
    {0x0600, 0x0605},    // Arabic number signs
    {0x061C, 0x061C},    // Arabic letter mark
    {0x06DD, 0x06DD},    {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2},
    {0x180E, 0x180E},    // Mongolian vowel separator
    {0x200B, 0x200F},    // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    {0x202A, 0x202E},    // bidi embeddings and overrides
    {0x2060, 0x2064},    // word joiner, invisible operators
    {0x2066, 0x206F},    // bidi isolates, deprecated format characters
    {0xFEFF, 0xFEFF},    // byte-order mark / zero-width no-break space
    {0xFFF9, 0xFFFB},    // interlinear annotation
    {0x110BD, 0x110BD},  {0x110CD, 0x110CD},
    {0x13430, 0x1343F},  // Egyptian hieroglyph format controls
    {0x1BCA0, 0x1BCA3},  // shorthand format controls
    {0x1D173, 0x1D17A},  // musical symbol format controls
    {0xE0001, 0xE007F},  // language tag and tag characters
}};

constexpr std::array<Range, 7> unusual_spaces{{
    {0x00A0, 0x00A0},   // no-break space
    {0x1680, 0x1680},   // Ogham space mark
    {0x2000, 0x200A},   // en quad ... hair space
    {0x2028, 0x2029},   // line and paragraph separators
    {0x202F, 0x202F},   // narrow no-break space
    {0x205F, 0x205F},   // medium mathematical space
    {0x3000, 0x3000},   // ideographic space
}};

constexpr std::array<Range, 16> separator_marks{{
    {'-', '-'}, {'.', '.'}, {'/', '/'},
    {0x2010, 0x2015},   // hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar
    {0x2212, 0x2212},   // minus sign
    {0xFE58, 0xFE58}, {0xFE63, 0xFE63}, {0xFF0D, 0xFF0D},   // small and full-width dashes
    {0x2024, 0x2024},   // one dot leader
    {0xFE52, 0xFE52}, {0xFF0E, 0xFF0E},   // small and full-width full stop
    {0x00B7, 0x00B7},   // middle dot
    {0x2044, 0x2044},   // fraction slash
    {0x2215, 0x2215},   // division slash
    {0xFF0F, 0xFF0F},   // full-width solidus
    {0x30FB, 0x30FB},   // katakana middle dot
}};

}  // namespace

DecodedCodePoint decode_utf8_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    const DecodedCodePoint bad{lead, 1, false};
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t value = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; value = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; value = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; value = lead & 0x07; }
    else return bad;
    if (at + length > text.size()) return bad;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return bad;
        value = (value << 6) | (byte(at + i) & 0x3F);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return bad;
    return {value, length, true};
}

std::optional<int> decimal_digit_value(char32_t c) {
    for (char32_t zero : decimal_zeros)
        if (c >= zero && c < zero + 10) return static_cast<int>(c - zero);
    // Superscript and subscript digits: NFKC folds them to ASCII digits.
    if (c == 0x00B9) return 1;
    if (c == 0x00B2) return 2;
    if (c == 0x00B3) return 3;
    if (c == 0x2070) return 0;
    if (c >= 0x2074 && c <= 0x2079) return static_cast<int>(c - 0x2070);
    if (c >= 0x2080 && c <= 0x2089) return static_cast<int>(c - 0x2080);
    return std::nullopt;
}

bool is_unusual_space(char32_t c) { return in_ranges(c, unusual_spaces); }

bool is_number_separator(char32_t c) {
    return c == ' ' || c == '\t' || is_unusual_space(c) || in_ranges(c, separator_marks);
}

bool is_format_character(char32_t c) { return in_ranges(c, format_ranges); }

bool is_control_character(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

}  // namespace bhm
