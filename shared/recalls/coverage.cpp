// Coverage matching of field safety notices: serial ranges by prefix and trailing number, lists by exact
// match, lots by exact match.
#include "shared/recalls/coverage.h"

#include <algorithm>
#include <string>

#include "shared/core/text.h"

namespace bhm {
namespace {

constexpr const char* fsn_rule = "Forskrift om medisinsk utstyr; DMP: korrigerende sikkerhetstiltak (FSN)";

struct SplitSerial {
    std::string_view prefix, number;   // number: the trailing digits without leading zeros ("" for zero)
    bool has_digits = false;
};

SplitSerial split(std::string_view serial) {
    std::size_t start = serial.size();
    while (start > 0 && serial[start - 1] >= '0' && serial[start - 1] <= '9') --start;
    SplitSerial s;
    s.prefix = serial.substr(0, start);
    s.has_digits = start < serial.size();
    std::string_view digits = serial.substr(start);
    while (!digits.empty() && digits.front() == '0') digits.remove_prefix(1);
    s.number = digits;
    return s;
}

// Compares two digit strings without leading zeros as numbers.
int compare_numbers(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;
}

bool valid_range(const SplitSerial& from, const SplitSerial& to) {
    return from.has_digits && to.has_digits && from.prefix == to.prefix && compare_numbers(from.number, to.number) <= 0;
}

bool listed(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

bool serial_in_range(std::string_view serial, std::string_view from, std::string_view to) {
    const auto lo = split(from), hi = split(to), s = split(serial);
    if (!valid_range(lo, hi) || !s.has_digits || s.prefix != lo.prefix) return false;
    return compare_numbers(lo.number, s.number) <= 0 && compare_numbers(s.number, hi.number) <= 0;
}

bool covers_serial(const Coverage& coverage, std::string_view gtin, std::string_view serial) {
    if (gtin != coverage.gtin || serial.empty()) return false;
    switch (coverage.kind) {
        case CoverageKind::all_serials: return true;
        case CoverageKind::serial_range: return serial_in_range(serial, coverage.serial_from, coverage.serial_to);
        case CoverageKind::serial_list: return listed(coverage.serials, serial);
        case CoverageKind::lot_list: return false;
    }
    return false;
}

bool covers_lot(const Coverage& coverage, std::string_view gtin, std::string_view lot) {
    if (gtin != coverage.gtin || lot.empty()) return false;
    if (coverage.kind == CoverageKind::all_serials) return true;
    return coverage.kind == CoverageKind::lot_list && listed(coverage.lots, lot);
}

std::optional<Refusal> check_coverage(const Coverage& coverage) {
    switch (coverage.kind) {
        case CoverageKind::all_serials: return std::nullopt;
        case CoverageKind::serial_range:
            if (is_blank(coverage.serial_from) || is_blank(coverage.serial_to) ||
                !valid_range(split(coverage.serial_from), split(coverage.serial_to)))
                return Refusal{"recall_range_invalid",
                               "A serial range needs two serials with the same prefix that end in digits, the first "
                               "not after the last (e.g. SN10000 to SN12000).",
                               fsn_rule};
            return std::nullopt;
        case CoverageKind::serial_list:
        case CoverageKind::lot_list: {
            const auto& list = coverage.kind == CoverageKind::serial_list ? coverage.serials : coverage.lots;
            const std::string what = coverage.kind == CoverageKind::serial_list ? "serials" : "lots";
            if (list.empty() || std::all_of(list.begin(), list.end(), [](const std::string& s) { return is_blank(s); }))
                return Refusal{"recall_list_empty", "The notice's list of " + what + " is empty.", fsn_rule};
            if (list.size() > max_listed_items)
                return Refusal{"recall_list_too_long",
                               "A notice may list at most " + std::to_string(max_listed_items) + " " + what +
                                   "; register a range or the whole GTIN instead.",
                               fsn_rule};
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace bhm
