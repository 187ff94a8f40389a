// Classifies a scan and maps each scheme's parse onto ParsedCode. The rules for each scheme live
// in their own files; this file only decides which one applies and shifts error offsets.
#include "shared/barcode/scanned_code.h"

#include "shared/barcode/aim.h"
#include "shared/barcode/asset_tag.h"
#include "shared/barcode/gs1.h"
#include "shared/barcode/hibc.h"

namespace bhm::barcode {
namespace {

ParseOutcome fail(ParseError error, std::size_t shift) {
    error.at += shift;
    return ParseOutcome{std::nullopt, std::move(error)};
}

ParseOutcome fail(ErrorKind kind, std::string message, std::size_t at) {
    return ParseOutcome{std::nullopt, ParseError{std::move(message), at, kind}};
}

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return !text.empty();
}

ParseOutcome as_gs1(ParsedCode code, std::size_t shift, int reference_year) {
    auto parsed = parse_gs1(code.text, GS1Options{.reference_year = reference_year});
    if (!parsed.ok()) return fail(*parsed.error, shift);
    const GS1Data& data = *parsed.value;
    code.scheme = Scheme::gs1;
    code.gtin = data.value_of("01");
    code.serial = data.value_of("21");
    code.lot = data.value_of("10");
    code.expiry = data.iso_of("17");
    code.production_date = data.iso_of("11");
    for (const auto& element : data.elements) code.ais.emplace_back(element.ai, element.value);
    return ParseOutcome{std::move(code), std::nullopt};
}

ParseOutcome as_hibc(ParsedCode code, std::size_t shift, int reference_year, bool check_present) {
    auto parsed = parse_hibc(code.text, HibcOptions{reference_year, check_present});
    if (!parsed.ok()) return fail(*parsed.error, shift);
    code.scheme = Scheme::hibc;
    if (const auto& primary = parsed.value->primary) {
        code.hibc_labeler = primary->labeler;
        code.hibc_product = primary->product;
        code.hibc_unit = std::string(1, primary->unit_of_measure);
    }
    if (const auto& secondary = parsed.value->secondary) {
        code.lot = secondary->lot;
        code.serial = secondary->serial;
        code.expiry = secondary->expiry;
        code.production_date = secondary->production_date;
    }
    return ParseOutcome{std::move(code), std::nullopt};
}

}  // namespace

std::string to_string(Scheme scheme) {
    switch (scheme) {
        case Scheme::gs1: return "gs1";
        case Scheme::hibc: return "hibc";
        case Scheme::asset: return "asset";
        case Scheme::plain: return "plain";
    }
    return "plain";
}

ParseOutcome parse_scanned(std::string_view raw, int reference_year) {
    while (!raw.empty() && (raw.back() == '\r' || raw.back() == '\n')) raw.remove_suffix(1);
    if (raw.size() > kMaxScanLength) {
        return fail(ErrorKind::too_long, "scan is longer than " + std::to_string(kMaxScanLength) + " bytes",
                    kMaxScanLength);
    }
    if (raw.empty()) return fail(ErrorKind::empty, "empty scan", 0);
    if (reference_year < kMinReferenceYear || reference_year > kMaxReferenceYear) {
        return fail(ErrorKind::malformed, "reference year " + std::to_string(reference_year) + " is out of range", 0);
    }

    ParsedCode code;
    std::optional<AimIdentifier> aim;
    std::size_t shift = 0;
    if (raw[0] == ']') {
        aim = read_aim_identifier(raw);
        if (!aim) {
            return fail(ErrorKind::malformed,
                        "malformed AIM symbology identifier: expected ']' + letter + modifier", 0);
        }
        code.symbology = aim->text();
        shift = kAimIdentifierLength;
    }
    code.text = std::string{raw.substr(shift)};
    if (code.text.empty()) return fail(ErrorKind::empty, "nothing after the AIM symbology identifier", shift);

    const std::string_view payload = code.text;
    if ((aim && implies_gs1(*aim)) || payload[0] == kGroupSeparator || looks_like_bracketed_gs1(payload)) {
        return as_gs1(std::move(code), shift, reference_year);
    }
    if (payload[0] == '+') {
        const bool check_present = !(aim && check_character_stripped(*aim));
        return as_hibc(std::move(code), shift, reference_year, check_present);
    }
    if (looks_like_asset_tag(payload)) {
        auto tag = parse_asset_tag(payload);
        if (!tag.ok()) return fail(*tag.error, shift);
        code.scheme = Scheme::asset;
        code.asset_tag = tag.value->text;
        return ParseOutcome{std::move(code), std::nullopt};
    }
    code.scheme = Scheme::plain;
    const bool ean_upc = aim && aim->code == 'E';
    const auto n = payload.size();
    if (all_digits(payload) && (n == 14 || n == 13 || (ean_upc && (n == 12 || n == 8)))) {
        if (auto gtin = to_gtin14(payload)) code.gtin = *gtin;
    }
    return ParseOutcome{std::move(code), std::nullopt};
}

}  // namespace bhm::barcode
