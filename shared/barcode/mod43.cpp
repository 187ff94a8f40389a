// HIBC LIC "Table of numerical value assignments" (ANSI/HIBC 2.6 Appendix): the position of a
// character in kHibcSet is its value.
#include "shared/barcode/mod43.h"

namespace bhm::barcode {
namespace {
constexpr std::string_view kHibcSet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
static_assert(kHibcSet.size() == 43);
}  // namespace

int hibc_value(char c) {
    const auto pos = kHibcSet.find(c);
    return pos == std::string_view::npos || c == '\0' ? -1 : static_cast<int>(pos);
}

char hibc_character(int value) {
    if (value < 0 || value >= static_cast<int>(kHibcSet.size())) return '\0';
    return kHibcSet[static_cast<std::size_t>(value)];
}

std::optional<char> hibc_check_character(std::string_view data) {
    int sum = 0;
    for (char c : data) {
        const int value = hibc_value(c);
        if (value < 0) return std::nullopt;
        sum += value;
    }
    return hibc_character(sum % 43);
}

}  // namespace bhm::barcode
