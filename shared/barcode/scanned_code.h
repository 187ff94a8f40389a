// The one entry point the server and the scanner both call: raw text from a reader in, a
// classified and parsed code out (GS1 UDI, HIBC UDI, our asset tag, or a plain code), or the reason not.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/barcode/dates.h"
#include "shared/barcode/parse_error.h"

namespace bhm::barcode {

inline constexpr std::size_t kMaxScanLength = 512;  // bytes, after trailing CR/LF are dropped

enum class Scheme { gs1, hibc, asset, plain };
std::string to_string(Scheme scheme);  // "gs1" | "hibc" | "asset" | "plain"

struct ParsedCode {
    std::string symbology;  // AIM prefix as given, e.g. "]d2"; "" if none
    Scheme scheme = Scheme::plain;
    std::string gtin, serial, lot, expiry, production_date;  // dates ISO YYYY-MM-DD, "" if absent
    std::string asset_tag;                                   // scheme == asset
    std::string text;  // payload after the AIM prefix (plain codes: the whole code)
    std::vector<std::pair<std::string, std::string>> ais;  // every AI in scan order ("01", "...")
    std::string hibc_labeler, hibc_product, hibc_unit;      // scheme == hibc
};

struct ParseOutcome {
    std::optional<ParsedCode> code;
    std::optional<ParseError> error;
    bool ok() const { return code.has_value(); }
};

// Classification, in this order: an AIM identifier that implies GS1, a leading GS (FNC1) or a
// bracketed "(01)..." form → GS1; '+' → HIBC; "BHM" + digit → our asset tag (errors if faulty);
// 14 or 13 digits with a valid GS1 check digit (8 or 12 when the AIM id says EAN/UPC) → plain with
// gtin filled in its 14-digit form; anything else → plain. GS1 AI 17 is the expiry, 11 the
// production date. Offsets in errors count from the start of `raw`, AIM prefix included.
ParseOutcome parse_scanned(std::string_view raw, int reference_year = kDefaultReferenceYear);

}  // namespace bhm::barcode
