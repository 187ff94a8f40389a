// The device state machine. Every move is checked here and nowhere else; the server stores the result.
// The invariant it keeps: a device is available only when cleaned and inspected since it last came back.
#include "shared/devices/lifecycle.h"

#include <array>
#include <utility>

namespace bhm {
namespace {

constexpr std::array<std::pair<DeviceState, std::string_view>, 8> state_names{{
    {DeviceState::received, "received"},
    {DeviceState::available, "available"},
    {DeviceState::reserved, "reserved"},
    {DeviceState::on_loan, "on_loan"},
    {DeviceState::returned, "returned"},
    {DeviceState::in_service, "in_service"},
    {DeviceState::retired, "retired"},
    {DeviceState::lost, "lost"},
}};

constexpr std::array<std::pair<DeviceAction, std::string_view>, 12> action_names{{
    {DeviceAction::record_cleaning, "record_cleaning"},
    {DeviceAction::pass_inspection, "pass_inspection"},
    {DeviceAction::fail_inspection, "fail_inspection"},
    {DeviceAction::reserve, "reserve"},
    {DeviceAction::release_reservation, "release_reservation"},
    {DeviceAction::deliver, "deliver"},
    {DeviceAction::take_return, "take_return"},
    {DeviceAction::open_service, "open_service"},
    {DeviceAction::close_service, "close_service"},
    {DeviceAction::retire, "retire"},
    {DeviceAction::report_lost, "report_lost"},
    {DeviceAction::report_found, "report_found"},
}};

// How a worker reads the state in a sentence: "it is on loan", "it is in service".
std::string plain(DeviceState state) {
    switch (state) {
        case DeviceState::received: return "newly received";
        case DeviceState::available: return "available";
        case DeviceState::reserved: return "reserved";
        case DeviceState::on_loan: return "on loan";
        case DeviceState::returned: return "returned and not yet cleaned and inspected";
        case DeviceState::in_service: return "in service";
        case DeviceState::retired: return "retired";
        case DeviceState::lost: return "reported lost";
    }
    return "in an unknown state";
}

std::string plain(DeviceAction action) {
    switch (action) {
        case DeviceAction::record_cleaning: return "cleaned";
        case DeviceAction::pass_inspection: return "inspected";
        case DeviceAction::fail_inspection: return "inspected";
        case DeviceAction::reserve: return "reserved";
        case DeviceAction::release_reservation: return "released from its reservation";
        case DeviceAction::deliver: return "delivered";
        case DeviceAction::take_return: return "taken back as a return";
        case DeviceAction::open_service: return "sent to service";
        case DeviceAction::close_service: return "released from service";
        case DeviceAction::retire: return "retired";
        case DeviceAction::report_lost: return "reported lost";
        case DeviceAction::report_found: return "reported found";
    }
    return "changed";
}

Transition to(DeviceStatus next) { return Transition{next, std::nullopt}; }

Transition refuse(std::string code, const DeviceStatus& current, DeviceAction action, std::string hint = "") {
    std::string message = "This device cannot be " + plain(action) + ": it is " + plain(current.state) + ".";
    if (!hint.empty()) message += " " + hint;
    return Transition{std::nullopt, Refusal{std::move(code), std::move(message), ""}};
}

// Refusals that hold whatever the action: nothing happens to a retired device, and a lost one can only be
// found again or written off.
std::optional<Transition> refuse_gone(const DeviceStatus& current, DeviceAction action) {
    if (current.state == DeviceState::retired) return refuse("device_retired", current, action);
    if (current.state == DeviceState::lost && action != DeviceAction::report_found &&
        action != DeviceAction::retire) {
        return refuse("device_lost", current, action, "Report it found first.");
    }
    return std::nullopt;
}

Transition record_cleaning(const DeviceStatus& current, bool electrical) {
    switch (current.state) {
        case DeviceState::received:
        case DeviceState::returned:
            if (!electrical) {   // no electrical-safety inspection applies: clean means ready
                DeviceStatus next = current;
                next.cleaned = true;
                next.state = DeviceState::available;
                return to(next);
            }
            [[fallthrough]];
        case DeviceState::in_service:
        case DeviceState::available:
        case DeviceState::reserved: {
            DeviceStatus next = current;
            next.cleaned = true;
            return to(next);
        }
        case DeviceState::on_loan:
            return refuse("device_on_loan", current, DeviceAction::record_cleaning, "Take the return first.");
        default:
            return refuse("invalid_transition", current, DeviceAction::record_cleaning);
    }
}

Transition pass_inspection(const DeviceStatus& current) {
    DeviceStatus next = current;
    next.inspected = true;
    switch (current.state) {
        case DeviceState::received:
        case DeviceState::returned:
            if (!current.cleaned) {
                return refuse("clean_before_inspection", current, DeviceAction::pass_inspection,
                              "Record the cleaning first.");
            }
            next.state = DeviceState::available;
            return to(next);
        case DeviceState::in_service:
            if (!current.cleaned) {
                return refuse("clean_before_inspection", current, DeviceAction::pass_inspection,
                              "Record the cleaning first.");
            }
            return to(next);  // close_service makes it available
        case DeviceState::available:
        case DeviceState::reserved:
        case DeviceState::on_loan:  // periodic inspection keeps the state
            next.inspection_failed = false;
            return to(next);
        default:
            return refuse("invalid_transition", current, DeviceAction::pass_inspection);
    }
}

Transition fail_inspection(const DeviceStatus& current) {
    DeviceStatus next = current;
    next.inspected = false;
    if (current.state == DeviceState::on_loan) {
        next.inspection_failed = true;  // stays with the patient but is flagged for recall
    } else {
        next.state = DeviceState::in_service;
        next.cleaned = false;   // repaired by hand: cleaned again before it goes back to stock
    }
    return to(next);
}

Transition open_service(const DeviceStatus& current) {
    switch (current.state) {
        case DeviceState::available:
        case DeviceState::reserved:
        case DeviceState::returned:
        case DeviceState::received: {
            DeviceStatus next = current;
            next.state = DeviceState::in_service;
            next.inspected = false;
            next.cleaned = false;   // cleaning counts since the device entered service
            return to(next);
        }
        case DeviceState::in_service:   // already there (a failed inspection): the order is what was missing
            return to(current);
        case DeviceState::on_loan:
            return refuse("device_on_loan", current, DeviceAction::open_service, "Take the return first.");
        default:
            return refuse("invalid_transition", current, DeviceAction::open_service);
    }
}

Transition close_service(const DeviceStatus& current, bool electrical) {
    if (current.state != DeviceState::in_service)
        return refuse("device_not_in_service", current, DeviceAction::close_service);
    if (!current.cleaned) {
        return refuse("service_needs_cleaning", current, DeviceAction::close_service,
                      electrical ? "Record the cleaning and a passed inspection first." : "Record the cleaning first.");
    }
    if (electrical && !current.inspected) {
        return refuse("service_needs_inspection", current, DeviceAction::close_service,
                      "It needs a passed inspection since it went to service.");
    }
    DeviceStatus next = current;
    next.state = DeviceState::available;
    next.inspection_failed = false;
    return to(next);
}

Transition move(const DeviceStatus& current, DeviceState state, bool reset_flags = false) {
    DeviceStatus next = current;
    next.state = state;
    if (reset_flags) next.cleaned = next.inspected = next.inspection_failed = false;
    return to(next);
}

}  // namespace

std::string to_string(DeviceState state) {
    for (const auto& [candidate, name] : state_names)
        if (candidate == state) return std::string(name);
    return "unknown";
}

std::optional<DeviceState> parse_device_state(std::string_view text) {
    for (const auto& [state, name] : state_names)
        if (name == text) return state;
    return std::nullopt;
}

std::string to_string(DeviceAction action) {
    for (const auto& [candidate, name] : action_names)
        if (candidate == action) return std::string(name);
    return "unknown";
}

std::optional<DeviceAction> parse_device_action(std::string_view text) {
    for (const auto& [action, name] : action_names)
        if (name == text) return action;
    return std::nullopt;
}

Transition apply(const DeviceStatus& current, DeviceAction action, bool electrical) {
    if (auto refusal = refuse_gone(current, action)) return *refusal;
    const DeviceState state = current.state;
    switch (action) {
        case DeviceAction::record_cleaning: return record_cleaning(current, electrical);
        case DeviceAction::pass_inspection: return pass_inspection(current);
        case DeviceAction::fail_inspection: return fail_inspection(current);
        case DeviceAction::reserve:
            if (state == DeviceState::available) return move(current, DeviceState::reserved);
            return refuse("device_not_available", current, action);
        case DeviceAction::release_reservation:
            if (state == DeviceState::reserved) return move(current, DeviceState::available);
            return refuse("device_not_reserved", current, action);
        case DeviceAction::deliver:
            if (state == DeviceState::available || state == DeviceState::reserved)
                return move(current, DeviceState::on_loan);
            return refuse("device_not_available", current, action);
        case DeviceAction::take_return:
            if (state == DeviceState::on_loan) return move(current, DeviceState::returned, true);
            return refuse("device_not_on_loan", current, action);
        case DeviceAction::open_service: return open_service(current);
        case DeviceAction::close_service: return close_service(current, electrical);
        case DeviceAction::retire:
            if (state == DeviceState::on_loan)
                return refuse("device_on_loan", current, action, "Take the return first.");
            return move(current, DeviceState::retired);
        case DeviceAction::report_lost:
            if (state == DeviceState::on_loan || state == DeviceState::available || state == DeviceState::reserved ||
                state == DeviceState::returned)
                return move(current, DeviceState::lost);
            return refuse("invalid_transition", current, action);
        case DeviceAction::report_found:
            if (state == DeviceState::lost) return move(current, DeviceState::returned, true);
            return refuse("device_not_lost", current, action);
    }
    return refuse("invalid_transition", current, action);
}

RefusalKind refusal_kind(std::string_view code, DeviceState current) {
    if (code == "clean_before_inspection" || code == "service_needs_cleaning" || code == "service_needs_inspection")
        return RefusalKind::refused;
    // Not yet ready (still to be cleaned, inspected or serviced): the worker's next step, not a race.
    if (code == "device_not_available" &&
        (current == DeviceState::received || current == DeviceState::returned || current == DeviceState::in_service))
        return RefusalKind::refused;
    return RefusalKind::conflict;
}

bool failed_inspection_opens_service_order(DeviceState before) { return before != DeviceState::on_loan; }

bool reservation_lapses(DeviceState after) { return after != DeviceState::reserved; }

}  // namespace bhm
