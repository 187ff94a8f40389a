// GS1 mod-10: from the right, weights 3,1,3,1... over the body; the check digit tops the sum up
// to the next multiple of ten.
#include "shared/barcode/gs1_check_digit.h"

namespace bhm::barcode {

std::optional<char> gs1_check_digit(std::string_view body) {
    if (body.empty()) return std::nullopt;
    int sum = 0;
    int weight = 3;
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        if (*it < '0' || *it > '9') return std::nullopt;
        sum += (*it - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool gs1_check_digit_ok(std::string_view digits) {
    if (digits.size() < 2) return false;
    const auto expected = gs1_check_digit(digits.substr(0, digits.size() - 1));
    return expected && *expected == digits.back();
}

bool gtin_check_digit_ok(std::string_view gtin) {
    const auto n = gtin.size();
    if (n != 8 && n != 12 && n != 13 && n != 14) return false;
    return gs1_check_digit_ok(gtin);
}

std::optional<std::string> to_gtin14(std::string_view gtin) {
    if (!gtin_check_digit_ok(gtin)) return std::nullopt;
    return std::string(14 - gtin.size(), '0') + std::string{gtin};
}

}  // namespace bhm::barcode
