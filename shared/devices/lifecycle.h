// The life of one device in the warehouse: received, cleaned and inspected, lent out, returned,
// serviced, retired or lost. Each action is a pure function from current status to next status or refusal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

enum class DeviceState { received, available, reserved, on_loan, returned, in_service, retired, lost };
std::string to_string(DeviceState state);
std::optional<DeviceState> parse_device_state(std::string_view text);

enum class DeviceAction {
    record_cleaning,
    pass_inspection,
    fail_inspection,
    reserve,
    release_reservation,
    deliver,
    take_return,
    open_service,
    close_service,
    retire,
    report_lost,
    report_found
};
std::string to_string(DeviceAction action);
std::optional<DeviceAction> parse_device_action(std::string_view text);

struct DeviceStatus {
    DeviceState state = DeviceState::received;
    bool cleaned = false;    // since the device last entered received/returned/in_service
    bool inspected = false;  // a passed inspection since then
    bool inspection_failed = false;  // a failed periodic inspection while on loan: recall the device
    friend bool operator==(const DeviceStatus&, const DeviceStatus&) = default;
};

struct Transition {
    std::optional<DeviceStatus> next;
    std::optional<Refusal> refusal;
};

// Cleaning comes first: a received, returned or serviced device is inspected only after cleaning is recorded,
// and it becomes available only with both. A device at the patient (on loan) or gone (retired, lost) cannot be
// handled in the warehouse. Refusal codes: clean_before_inspection, device_not_available, device_not_reserved,
// device_not_on_loan, device_not_in_service, service_needs_cleaning, service_needs_inspection, device_on_loan,
// device_retired, device_lost, device_not_lost, invalid_transition.
// `electrical`: the device's category needs an electrical-safety inspection (most do). For one
// that does not (compression garments), cleaning alone makes a received or returned device
// available, and leaving service needs cleaning only.
Transition apply(const DeviceStatus& current, DeviceAction action, bool electrical = true);

// What a refusal of a move means for the person who asked (shared/core/refusal.h). Refused: a step is
// missing that the worker can do (clean it, inspect it, finish the service). A conflict: the device is in
// a state someone else put it in (reserved for another case, on loan, lost, retired, already returned).
RefusalKind refusal_kind(std::string_view code, DeviceState current);

// A failed inspection of a device in the warehouse sends it to service, and service is done on a
// service order: the failure opens one (with the failed checks as the fault). On loan it does not: the
// device stays with the patient, flagged for recall.
bool failed_inspection_opens_service_order(DeviceState before);

// A reservation holds only while the device is reserved: a picked device that leaves that state
// (a failed inspection sends it to service) is released from its case, so the case can pick another.
bool reservation_lapses(DeviceState after);

}  // namespace bhm
