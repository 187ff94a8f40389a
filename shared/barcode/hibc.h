// HIBC LIC (Health Industry Bar Code, Supplier Labeling Standard ANSI/HIBC 2.6): '+', then a
// primary structure (labeler, product, unit of measure), a secondary one (lot/serial/expiry), or
// both joined by '/', ending in a mod-43 check character. The Provider standard ("+/") is refused.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "shared/barcode/dates.h"
#include "shared/barcode/mod43.h"
#include "shared/barcode/parse_error.h"

namespace bhm::barcode {

inline constexpr std::size_t kHibcMaxProductLength = 18;
inline constexpr std::size_t kHibcMaxLotLength = 18;  // lot, batch or serial

struct HibcOptions {
    int reference_year = kDefaultReferenceYear;  // two-digit years, same window as GS1
    bool check_character_present = true;         // false when the reader stripped it (AIM ]A3/]A7)
};

struct HibcPrimary {
    std::string labeler;       // LIC: 4 letters/digits, the first a letter
    std::string product;       // product or catalogue number, 1-18 letters/digits
    char unit_of_measure = 0;  // '0'-'9', 0 being the unit of use
};

struct HibcSecondary {
    std::string lot;
    std::string serial;
    std::string expiry;           // "YYYY-MM-DD"; an MMYY date means the last day of that month
    int expiry_hour = -1;         // 0-23 for the formats that carry an hour, otherwise -1
    std::string production_date;  // "YYYY-MM-DD" from supplemental "/16D"
    std::string quantity;         // digits from "$$8"/"$$9" or supplemental "/Q", as written
};

struct HibcCode {
    std::optional<HibcPrimary> primary;
    std::optional<HibcSecondary> secondary;
    std::optional<char> link_character;   // a standalone secondary: the primary's check character
    std::optional<char> check_character;  // absent when the reader stripped it
};

Outcome<HibcCode> parse_hibc(std::string_view text, HibcOptions options = {});

// The secondary data after the primary's '/' (or after '+' of a standalone secondary, its link
// character removed): segments separated by '/'. `at` is the offset of `data` in the scan.
std::optional<ParseError> parse_hibc_secondary(std::string_view data, std::size_t at,
                                               int reference_year, HibcSecondary& out);

}  // namespace bhm::barcode
