// The few Unicode facts the rules need, by hand (the domain uses the standard library only, no ICU):
// UTF-8 decoding, the decimal digits of every script (general category Nd), the separators and
// the invisible format characters. Checked against Unicode 15 (tests/shared/domain/unicode_text_test.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace bhm {

// One decoded code point and how many bytes it took. `valid` is false for a malformed or overlong
// sequence, a surrogate or a value past U+10FFFF; then `bytes` is 1 and `code_point` the byte.
struct DecodedCodePoint {
    char32_t code_point = 0;
    std::size_t bytes = 1;
    bool valid = true;
};
DecodedCodePoint decode_utf8_at(std::string_view text, std::size_t at);

// The value 0-9 of a decimal digit in any script (ASCII, full-width, Arabic-Indic, extended Arabic-Indic,
// Devanagari, Bengali, ..., mathematical digits), and of the superscript and subscript digits that NFKC
// folds to ASCII digits. nullopt for anything else.
std::optional<int> decimal_digit_value(char32_t c);

// Spaces (ASCII, no-break, the U+2000 block, narrow no-break, ideographic...), dashes (hyphen-minus,
// U+2010-2015, minus sign U+2212, small and full-width forms), dots, slashes and their full-width forms:
// what people type between the groups of a number.
bool is_number_separator(char32_t c);

// Invisible format characters (general category Cf): soft hyphen, zero-width space/joiners, word joiner,
// bidi marks, embeddings, overrides and isolates, byte-order mark, tags...
bool is_format_character(char32_t c);

// C0 and C1 control characters and DEL.
bool is_control_character(char32_t c);

// Spaces other than the plain ASCII space: no-break, the U+2000 block, line/paragraph separators...
bool is_unusual_space(char32_t c);

}  // namespace bhm
