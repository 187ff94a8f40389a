// Norwegian national ID (fødselsnummer), D-number and H-number validation, following the Tax Administration's
// published layout: DDMMYY + three-digit individual number + two mod-11 check digits. A D-number raises the
// day by 40, an H-number (hospitals' help number for a patient with no national number) the month by 40.
#include "shared/people/national_id.h"

#include <array>

#include "shared/core/text.h"

namespace bhm {
namespace {

constexpr std::array<int, 9> first_weights{3, 7, 6, 1, 8, 9, 4, 5, 2};
constexpr std::array<int, 10> second_weights{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

int digit(std::string_view id, std::size_t i) { return id[i] - '0'; }

// Mod-11 check digit over the first weights.size() digits; nullopt when the remainder gives 10 (never issued).
template <std::size_t N>
std::optional<int> check_digit(std::string_view id, const std::array<int, N>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < N; ++i) sum += digit(id, i) * weights[i];
    const int check = 11 - sum % 11;
    if (check == 11) return 0;
    if (check == 10) return std::nullopt;
    return check;
}

// The century comes from the individual number (digits 7-9) together with the two-digit year.
std::optional<int> full_year(int two_digit_year, int individual) {
    if (individual <= 499) return 1900 + two_digit_year;
    if (individual <= 749 && two_digit_year >= 54) return 1800 + two_digit_year;
    if (two_digit_year <= 39) return 2000 + two_digit_year;  // individual 500-999
    if (individual >= 900) return 1900 + two_digit_year;     // 900-999 with year 40-99
    return std::nullopt;                                     // 500-899 with year 40-53 / 750-899 with 40-99
}

std::optional<Date> encoded_date(std::string_view id) {
    int day = digit(id, 0) * 10 + digit(id, 1);
    int month = digit(id, 2) * 10 + digit(id, 3);
    const bool d_number = day > 40, h_number = month > 40;
    if (d_number && h_number) return std::nullopt;  // one or the other, never both
    if (d_number) day -= 40;     // D-number: the first digit of the day is raised by 4
    if (h_number) month -= 40;   // H-number: the first digit of the month is raised by 4
    const int two_digit_year = digit(id, 4) * 10 + digit(id, 5);
    const int individual = digit(id, 6) * 100 + digit(id, 7) * 10 + digit(id, 8);
    auto year = full_year(two_digit_year, individual);
    if (!year || !is_valid_date(*year, month, day)) return std::nullopt;
    return Date{*year, month, day};
}

}  // namespace

std::optional<Refusal> check_national_id(std::string_view national_id) {
    if (national_id.size() != 11 || !is_all_digits(national_id)) {
        return Refusal{"national_id_format", "A national ID number must be exactly 11 digits, with no spaces.",
                       ""};
    }
    auto first = check_digit(national_id, first_weights);
    auto second = first ? check_digit(national_id, second_weights) : std::nullopt;
    if (!first || !second || *first != digit(national_id, 9) || *second != digit(national_id, 10)) {
        return Refusal{"national_id_checksum",
                       "This national ID number is not valid: its check digits do not match. Check for a typing error.",
                       ""};
    }
    if (!encoded_date(national_id)) {
        return Refusal{"national_id_date",
                       "This national ID number does not contain a real birth date. Check for a typing error.",
                       ""};
    }
    return std::nullopt;
}

std::optional<Refusal> check_national_id(std::string_view national_id, Date today) {
    if (auto refusal = check_national_id(national_id)) return refusal;
    if (*encoded_date(national_id) > today) {
        return Refusal{"national_id_birth_in_future",
                       "This national ID number gives a birth date in the future. Check for a typing error.", ""};
    }
    return std::nullopt;
}

std::optional<Date> birth_date_of(std::string_view national_id) {
    if (check_national_id(national_id)) return std::nullopt;
    return encoded_date(national_id);
}

// HPR numbers are assigned sequentially by the Norwegian Directorate of Health and carry no public
// check digit, so only the shape can be checked here; whether the number exists needs the HPR register.
std::optional<Refusal> check_hpr_number(std::string_view hpr_number) {
    if (!is_all_digits(hpr_number) || hpr_number.size() < 4 || hpr_number.size() > 9) {
        return Refusal{"hpr_number_format",
                       "An HPR number (Helsepersonellregisteret) must be 4 to 9 digits, with no spaces or letters.",
                       ""};
    }
    return std::nullopt;
}

}  // namespace bhm
