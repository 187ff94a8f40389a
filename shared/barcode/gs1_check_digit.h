// The GS1 mod-10 check digit (General Specifications §7.9) used by GTIN-8/12/13/14, SSCC, GLN,
// GDTI and friends, and helpers that bring every GTIN to its 14-digit form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhm::barcode {

// The check digit for `body` (all digits before the check digit); nullopt if empty or not all digits.
std::optional<char> gs1_check_digit(std::string_view body);

// True when the last digit of `digits` is the right check digit for the digits before it.
bool gs1_check_digit_ok(std::string_view digits);

// True for a GTIN-8, -12, -13 or -14 (only digits, one of those lengths) whose check digit is right.
bool gtin_check_digit_ok(std::string_view gtin);

// The GTIN-14 form (left-padded with zeros) of a valid GTIN-8/12/13/14; nullopt otherwise.
std::optional<std::string> to_gtin14(std::string_view gtin);

}  // namespace bhm::barcode
