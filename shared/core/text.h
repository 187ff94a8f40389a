// Small text checks the rules share: is a required field really filled in, is a string all digits.
// Header-only because they are one line each and used across every rule file.
#pragma once

#include <algorithm>
#include <string_view>

namespace bhm {

inline bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

inline bool is_all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace bhm
