// Station modes, case slips and END barcodes. The rules: a MODE: barcode switches mode and
// closes any open case; a CASE: slip is only meaningful in issue mode and opens (or
// replaces) the case; END closes it; in issue mode a device scan needs an open case.
#include "scanner/station_state.h"

#include <algorithm>

#include <array>
#include <cctype>

namespace bhm::scan {

namespace {

constexpr std::array<std::pair<StationMode, std::string_view>, 5> mode_names{{
    {StationMode::receive, "receive"},
    {StationMode::return_device, "return"},
    {StationMode::issue, "issue"},
    {StationMode::inspect, "inspect"},
    {StationMode::count, "count"},
}};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// "]C0MODE:issue" -> "MODE:issue": readers may put an AIM identifier in front.
std::string_view without_aim_prefix(std::string_view s) {
    if (s.size() >= 3 && s[0] == ']' && std::isalpha(static_cast<unsigned char>(s[1])) &&
        std::isalnum(static_cast<unsigned char>(s[2])))
        s.remove_prefix(3);
    return s;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(text[i])) !=
            std::toupper(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

bool valid_case_number(std::string_view number) {
    if (number.empty() || number.size() > 64) return false;
    for (unsigned char c : number)
        if (!std::isalnum(c) && c != '-' && c != '/' && c != '_' && c != '.') return false;
    return true;
}

StationStep step(StationStep::Kind kind, StationState state, std::string note) {
    return StationStep{kind, std::move(state), std::move(note)};
}

}  // namespace

std::string to_string(StationMode mode) {
    for (const auto& [m, name] : mode_names)
        if (m == mode) return std::string(name);
    return "receive";
}

std::optional<StationMode> station_mode_from(std::string_view name) {
    for (const auto& [m, n] : mode_names)
        if (n.size() == name.size() && starts_with_ci(name, n)) return m;
    return std::nullopt;
}

StationStep apply_scan(const StationState& current, std::string_view raw) {
    using Kind = StationStep::Kind;
    const std::string_view text = trim(without_aim_prefix(trim(raw)));

    if (starts_with_ci(text, mode_barcode_prefix)) {
        auto mode = station_mode_from(trim(text.substr(mode_barcode_prefix.size())));
        if (!mode)
            return step(Kind::refused, current,
                        "unknown mode barcode '" + std::string(text) +
                            "'; use the mode sheet (receive, return, issue, inspect, count)");
        StationState next{*mode, std::nullopt};
        std::string note = "MODE " + to_string(*mode);
        if (current.case_number) note += " (case " + *current.case_number + " closed)";
        if (*mode == StationMode::issue) note += ": scan a case slip first";
        return step(Kind::mode_changed, next, note);
    }

    if (starts_with_ci(text, case_barcode_prefix)) {
        std::string_view number = trim(text.substr(case_barcode_prefix.size()));
        if (current.mode != StationMode::issue)
            return step(Kind::refused, current,
                        "case slips are only used in issue mode; scan MODE:issue first");
        if (!valid_case_number(number))
            return step(Kind::refused, current,
                        "case slip '" + std::string(text) +
                            "' has no valid case number (letters, digits, - / _ . ; at most 64)");
        StationState next{StationMode::issue, std::string(number)};
        std::string note = "CASE " + std::string(number) + " open: scan the devices to issue";
        if (current.case_number && *current.case_number != number)
            note += " (case " + *current.case_number + " closed)";
        return step(Kind::case_opened, next, note);
    }

    if (text.size() == end_barcode.size() && starts_with_ci(text, end_barcode)) {
        if (current.mode == StationMode::issue && current.case_number) {
            StationState next{StationMode::issue, std::nullopt};
            return step(Kind::case_closed, next, "CASE " + *current.case_number + " closed");
        }
        return step(Kind::ignored, current, "END: no case is open");
    }

    if (starts_with_ci(text, quantity_barcode_prefix)) {
        const std::string_view digits = trim(text.substr(quantity_barcode_prefix.size()));
        const bool numeric = !digits.empty() && digits.size() <= 6 &&
                             std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        const int quantity = numeric ? std::stoi(std::string(digits)) : -1;
        if (quantity < 0 || quantity > 100000)
            return step(Kind::refused, current, "quantity '" + std::string(text) + "' must be QTY:0 to QTY:100000");
        StationState next = current;
        next.quantity = quantity;
        return step(Kind::quantity_set, next, "QTY " + std::to_string(quantity) + " for the next pack scan");
    }

    if (text.empty()) return step(Kind::ignored, current, "empty scan ignored");

    if (current.mode == StationMode::issue && !current.case_number)
        return step(Kind::refused, current,
                    "issue mode: scan the case slip (CASE:<case number>) before the devices");
    StationStep send = step(Kind::send_scan, current, "");
    send.quantity = current.quantity;   // a typed quantity goes with this one scan
    send.state.quantity.reset();
    return send;
}

}  // namespace bhm::scan
