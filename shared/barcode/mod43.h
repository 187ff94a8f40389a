// The HIBC character set (0-9 A-Z - . space $ / + %) and its modulus-43 check character.
// HIBC labels and our own asset tags both end with one, so the table lives here once.
#pragma once

#include <optional>
#include <string_view>

namespace bhm::barcode {

int hibc_value(char c);           // 0..42 in the HIBC table order, or -1 when c is not in the set
char hibc_character(int value);   // the character for 0..42; '\0' outside that range

// The mod-43 check character of `data` (sum of the values, modulo 43); nullopt if a character
// of `data` is outside the set.
std::optional<char> hibc_check_character(std::string_view data);

}  // namespace bhm::barcode
