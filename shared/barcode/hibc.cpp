// HIBC LIC top level: character set and check character over the whole symbol, then the
// primary data structure; the secondary data is handed to hibc_secondary.cpp.
#include "shared/barcode/hibc.h"

namespace bhm::barcode {
namespace {

bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

using HibcOutcome = Outcome<HibcCode>;

// "+LLLLP...PU": labeler code, product number, unit of measure. `at` is the offset of the LIC.
std::optional<ParseError> parse_primary(std::string_view text, std::size_t at, HibcPrimary& out) {
    constexpr std::size_t kLic = 4;
    if (text.size() < kLic + 2) {
        return ParseError{"HIBC primary data needs a 4-character labeler code, a product number and "
                          "a unit-of-measure digit", at + text.size(), ErrorKind::too_short};
    }
    if (text.size() > kLic + kHibcMaxProductLength + 1) {
        return ParseError{"HIBC product number is longer than 18 characters",
                          at + kLic + kHibcMaxProductLength, ErrorKind::too_long};
    }
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (!is_letter(text[i]) && !is_digit(text[i])) {
            const auto part = i < kLic ? "labeler code" : "product number";
            return ParseError{std::string{"HIBC "} + part + " may contain only letters and digits, not " +
                                  quote_char(text[i]), at + i, ErrorKind::bad_char};
        }
    }
    if (!is_digit(text.back())) {
        return ParseError{std::string{"HIBC unit of measure must be a digit, not '"} + text.back() + "'",
                          at + text.size() - 1, ErrorKind::bad_char};
    }
    out.labeler = std::string{text.substr(0, kLic)};
    out.product = std::string{text.substr(kLic, text.size() - kLic - 1)};
    out.unit_of_measure = text.back();
    return std::nullopt;
}

}  // namespace

Outcome<HibcCode> parse_hibc(std::string_view text, HibcOptions options) {
    if (options.reference_year < kMinReferenceYear || options.reference_year > kMaxReferenceYear) {
        return HibcOutcome::failure(ErrorKind::malformed,
            "reference year " + std::to_string(options.reference_year) + " is out of range", 0);
    }
    if (text.empty()) return HibcOutcome::failure(ErrorKind::empty, "no HIBC data", 0);
    if (text[0] != '+') return HibcOutcome::failure(ErrorKind::malformed, "HIBC data starts with '+'", 0);
    if (text.size() > 1 && text[1] == '/') {
        return HibcOutcome::failure(ErrorKind::unsupported,
            "HIBC Provider Applications Standard labels (\"+/\") are hospital-internal and not supported", 1);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (hibc_value(text[i]) < 0) {
            return HibcOutcome::failure(ErrorKind::bad_char,
                quote_char(text[i]) + " is not in the HIBC character set (0-9 A-Z - . space $ / + %)", i);
        }
    }
    HibcCode code;
    std::size_t end = text.size();
    if (options.check_character_present) {
        if (text.size() < 3) return HibcOutcome::failure(ErrorKind::too_short, "HIBC data too short", text.size());
        const char expected = *hibc_check_character(text.substr(0, end - 1));
        if (expected != text[end - 1]) {
            return HibcOutcome::failure(ErrorKind::bad_check,
                std::string{"HIBC check character should be '"} + expected + "', not '" + text[end - 1] + "'",
                end - 1);
        }
        code.check_character = text[end - 1];
        --end;
    }
    const auto body = text.substr(1, end - 1);  // between '+' and the check character
    if (body.empty()) return HibcOutcome::failure(ErrorKind::too_short, "nothing after '+'", 1);

    if (is_letter(body[0])) {
        const auto slash = body.find('/');
        HibcPrimary primary;
        if (auto error = parse_primary(body.substr(0, slash), 1, primary)) return HibcOutcome::failure(*error);
        code.primary = primary;
        if (slash != std::string_view::npos) {
            HibcSecondary secondary;
            const auto rest = body.substr(slash + 1);
            if (auto error = parse_hibc_secondary(rest, 1 + slash + 1, options.reference_year, secondary)) {
                return HibcOutcome::failure(*error);
            }
            code.secondary = secondary;
        }
        return HibcOutcome::success(std::move(code));
    }
    if (body[0] == '$' || is_digit(body[0])) {
        if (body.size() < 2) {
            return HibcOutcome::failure(ErrorKind::too_short,
                "HIBC secondary data needs data and a link character", 1 + body.size());
        }
        code.link_character = body.back();
        HibcSecondary secondary;
        if (auto error = parse_hibc_secondary(body.substr(0, body.size() - 1), 1, options.reference_year,
                                              secondary)) {
            return HibcOutcome::failure(*error);
        }
        code.secondary = secondary;
        return HibcOutcome::success(std::move(code));
    }
    return HibcOutcome::failure(ErrorKind::bad_char,
        "after '+' comes a labeler code (starting with a letter) or secondary data ('$' or a date)", 1);
}

}  // namespace bhm::barcode
