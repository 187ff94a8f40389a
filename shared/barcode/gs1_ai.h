// The GS1 application identifiers (AIs) we understand: data length, character rules, check digit
// and date form for each, from the GS1 General Specifications §3. The table lives in gs1_ai.cpp only.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace bhm::barcode {

enum class AiDate {
    none,
    yymmd0,      // YYMMDD; DD = 00 means the last day of the month (§7.12)
    yymmddhhmm,  // YYMMDDhhmm, a real day and a 24-hour time (AI 7003)
};

struct AiSpec {
    std::string_view ai;     // "01"; in the measure AIs 'n' stands for the decimal-point digit: "310n"
    std::string_view title;  // GS1 data title, e.g. "GTIN", "USE BY OR EXPIRY"
    std::size_t min_length;  // length of the data after the AI
    std::size_t max_length;  // equal to min_length when the data has a fixed length
    std::size_t numeric_head;  // leading characters that must be digits; the rest is GS1 set 82
    std::size_t check_span;  // the first check_span digits end in a GS1 mod-10 check digit; 0: none
    AiDate date;

    bool fixed_length() const { return min_length == max_length; }
};

// The spec for an AI written out in full ("01", "3103"); nullptr when we do not know it.
const AiSpec* find_ai(std::string_view ai);

// Every row, for tests and documentation.
std::span<const AiSpec> ai_table();

// True when `ai` fits a table pattern ('n' in the pattern matches any digit).
bool ai_matches(std::string_view pattern, std::string_view ai);

}  // namespace bhm::barcode
