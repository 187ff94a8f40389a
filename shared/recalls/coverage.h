// Which devices and lots a field safety notice covers: one pure function for a device's GTIN and serial,
// one for a consumable's GTIN and lot. The server asks the store only for candidates of the notice's GTIN
// and lets these decide, so a rule about serials lives here and nowhere else.
//
// A serial range is the manufacturer's "SN10000 to SN12000": both ends have the same prefix and end in
// digits; a serial is inside when it has that prefix and its trailing number lies between the ends'
// numbers, inclusive. Leading zeros do not count ("SN0099" < "SN100"), and numbers of any length compare
// right (no integer overflow). Serials, lots and prefixes compare exactly, letter case included, as
// printed on the label.
#pragma once

#include <optional>
#include <string_view>

#include "shared/recalls/notice.h"

namespace bhm {

// A device of `gtin` with `serial` is covered: the GTIN matches and the coverage is all serials, the range
// holds the serial, or the list names it. A lot list covers no device (devices carry serials, not lots).
bool covers_serial(const Coverage& coverage, std::string_view gtin, std::string_view serial);

// A consumable lot of `gtin` is covered: the GTIN matches and the coverage is all serials (every pack of the
// product) or a lot list naming `lot`. A serial range or list covers no lot.
bool covers_lot(const Coverage& coverage, std::string_view gtin, std::string_view lot);

// True when `serial` is inside [from, to] as described above; false when the ends are not a valid range.
bool serial_in_range(std::string_view serial, std::string_view from, std::string_view to);

// The coverage's own shape. Codes: recall_range_invalid, recall_list_empty, recall_list_too_long.
std::optional<Refusal> check_coverage(const Coverage& coverage);

}  // namespace bhm
