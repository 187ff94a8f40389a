// receive / return / issue / inspect / count: one command each, all decided in shared/.
#include "server/services/scan_modes.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/consumable_scans.h"
#include "server/services/loans.h"
#include "server/services/receiving.h"
#include "server/views/views.h"
#include "shared/barcode/scanned_code.h"
#include "shared/core/identifier.h"
#include "shared/devices/warehouse_checks.h"
#include "shared/recalls/hold.h"

namespace bhm::server {
namespace {

barcode::ParsedCode parse_code(const std::string& raw) {
    auto outcome = barcode::parse_scanned(raw);
    if (!outcome.ok())
        refuse(RefusalKind::refused, "unreadable_code", "The scanned code is not valid: " + outcome.error->message + " (at byte " +
                                         std::to_string(outcome.error->at) + ").");
    return *outcome.code;
}

db::Device find_device(db::Transaction& tx, const Actor& actor, const barcode::ParsedCode& code) {
    std::optional<db::Device> device;
    if (code.scheme == barcode::Scheme::asset) {
        if (auto refusal = check_identifier("asset tag", code.asset_tag)) refuse(*refusal);
        device = tx.device_by_asset_tag(code.asset_tag);
    } else if (!code.gtin.empty() && !code.serial.empty()) {
        if (auto model = tx.model_by_gtin(code.gtin)) device = tx.device_by_model_serial(model->id, code.serial);
    } else if (code.scheme == barcode::Scheme::gs1 && code.serial.empty()) {
        refuse(RefusalKind::refused, "serial_missing", "This code has a product number (GTIN) but no serial; scan our asset tag or the "
                                    "label with the serial number.");
    } else {
        refuse(RefusalKind::refused, "unknown_code", "This is not one of our asset tags or a GS1 device label with GTIN and serial.");
    }
    if (!device || device->unit_id != actor.caller.unit_id)
        refuse(RefusalKind::not_found, "unknown_device", "No device with this code is registered in your unit.");
    return *device;
}

std::string model_name(db::Transaction& tx, const db::Device& device) { return model_of(tx, device).name; }

ModeResult receive(db::Transaction& tx, const Actor& actor, const barcode::ParsedCode& code) {
    if (code.scheme == barcode::Scheme::asset) {
        auto device = find_device(tx, actor, code);
        refuse(RefusalKind::conflict, "already_received", "This device already carries our tag " + device.asset_tag + " and is " +
                                          to_string(device.status.state) + ".");
    }
    if (code.gtin.empty())
        refuse(RefusalKind::refused, "gtin_missing", "To receive a new device, scan the manufacturer's GS1 label with GTIN and serial.");
    auto [device, holds] = receive_device(tx, actor, ReceiveCommand{std::nullopt, code.gtin, code.serial, {}, {}});
    std::string message = "Received " + model_name(tx, device) + " serial " + device.serial + " as " +
                          device.asset_tag + ". Print its tag; clean and inspect it before use.";
    if (auto held = check_recall_holds(holds)) message += " BLOCKED: " + held->message;
    return {device, message, std::nullopt};
}

ModeResult take_back(db::Transaction& tx, const Actor& actor, const barcode::ParsedCode& code) {
    auto device = find_device(tx, actor, code);
    auto outcome = return_device(tx, actor, device.id, actor.scanned_at);
    return {outcome.device, "Returned " + outcome.device.asset_tag + ". Send it to cleaning.", std::nullopt};
}

ModeResult issue(db::Transaction& tx, const Actor& actor, const ScanCommand& scan, const barcode::ParsedCode& code) {
    if (scan.case_number.empty())
        refuse(RefusalKind::refused, "case_missing", "Issue mode needs a case: scan the case slip first.");
    auto c = tx.case_by_number(scan.case_number);
    if (!c || c->unit_id != actor.caller.unit_id) not_found("Case " + scan.case_number);
    auto device = find_device(tx, actor, code);
    auto outcome = reserve_for_case(tx, actor, c->id, device.id);
    return {outcome.device,
            (outcome.already_reserved ? "Already picked for case " : "Picked for case ") + c->number + ": " +
                outcome.device.asset_tag + ". Record the delivery when it is handed over.",
            std::nullopt};
}

ModeResult inspect(db::Transaction& tx, const Actor& actor, const barcode::ParsedCode& code) {
    auto device = find_device(tx, actor, code);
    const auto state = device.status.state;
    if (awaits_cleaning(device.status)) {
        device = record_cleaning(tx, actor, device.id);
        return {device, "Cleaning recorded for " + device.asset_tag + "; ready for the electrical-safety inspection.",
                std::nullopt};
    }
    std::string due = device.inspection_due ? to_iso(*device.inspection_due) : "never inspected";
    return {device, device.asset_tag + " is " + to_string(state) + "; next inspection due: " + due + ".", std::nullopt};
}

ModeResult count(db::Transaction& tx, const Actor& actor, const barcode::ParsedCode& code) {
    auto device = find_device(tx, actor, code);
    const auto state = device.status.state;
    auto warning = check_counted_in_warehouse(state, device.asset_tag);
    Poco::JSON::Object data;
    data.set("registered_state", to_string(state));
    data.set("mismatch", warning.has_value());
    record_event(tx, actor, EventDraft{"counted", device.id, std::nullopt, to_string(state), to_string(state),
                                       json_text(data)});
    return {device, "Counted " + device.asset_tag + " (" + to_string(state) + ").", warning};
}

}  // namespace

// A logged-in user may scan only what the role table allows (shared/scans/scan_mode.h);
// a station token stands for a warehouse bench and may use every mode.
static void check_mode_allowed(const Caller& caller, ScanMode mode) {
    if (caller.kind != Caller::Kind::user) return;
    const auto role = parse_role(caller.role);
    if (!role || !may_scan(*role, mode))
        forbidden("Your role (" + caller.role + ") may not scan in " + std::string(to_string(mode)) + " mode.");
}

ModeResult run_scan_mode(db::Transaction& tx, const Actor& actor, const ScanCommand& scan) {
    check_mode_allowed(actor.caller, scan.mode);
    auto code = parse_code(scan.code);
    if (auto pack = run_consumable_scan(tx, actor, scan, code)) return *pack;   // a consumable's GTIN
    switch (scan.mode) {
        case ScanMode::receive: return receive(tx, actor, code);
        case ScanMode::return_device: return take_back(tx, actor, code);
        case ScanMode::issue: return issue(tx, actor, scan, code);
        case ScanMode::inspect: return inspect(tx, actor, code);
        case ScanMode::count: break;
    }
    return count(tx, actor, code);
}

}  // namespace bhm::server
