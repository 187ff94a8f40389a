// The scan station's state machine: which mode the station is in and, in issue mode,
// which case the following device scans are issued to. Pure: raw scan text in, the next
// state and what to do with the scan out. No I/O, no clock; tested on its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhm::scan {

enum class StationMode { receive, return_device, issue, inspect, count };

// "receive" | "return" | "issue" | "inspect" | "count"
std::string to_string(StationMode mode);
std::optional<StationMode> station_mode_from(std::string_view name);

struct StationState {
    StationMode mode = StationMode::receive;
    std::optional<std::string> case_number;  // only ever set in issue mode
    std::optional<int> quantity = std::nullopt;  // QTY:n, packs for the next consumable scan only
};

// Printed control barcodes the station understands.
inline constexpr std::string_view mode_barcode_prefix = "MODE:";
inline constexpr std::string_view case_barcode_prefix = "CASE:";
inline constexpr std::string_view end_barcode = "END";
// "QTY:12": how many packs the next consumable scan stands for (received, issued or counted), 0..100000.
inline constexpr std::string_view quantity_barcode_prefix = "QTY:";

struct StationStep {
    enum class Kind {
        mode_changed,  // a MODE: sheet barcode; nothing is sent
        case_opened,   // a CASE: slip in issue mode; nothing is sent
        case_closed,   // END in issue mode with an open case; nothing is sent
        send_scan,     // a device scan: send it with state.mode and state.case_number
        ignored,       // harmless, e.g. END with no open case
        refused,       // refused at the station (bell), e.g. issue scan before a case slip
        quantity_set,  // a QTY: code; nothing is sent, the next scan carries the quantity
    };
    Kind kind = Kind::send_scan;
    StationState state;  // the station's state after this scan
    std::string note;    // what the screen says for everything but send_scan
    std::optional<int> quantity = std::nullopt;  // send_scan: the quantity typed for this scan (then cleared)
};

// What one scan means for a station in `current`. `raw` is the scan as read, an AIM
// symbology prefix (e.g. "]C0") in front of a control barcode is allowed.
StationStep apply_scan(const StationState& current, std::string_view raw);

}  // namespace bhm::scan
