// The services' view of a command's origin: who (a user or a scan station, with
// their unit), when, and which scan caused it. Also the unit-scoped loaders:
// a record of another unit is "not found", so ids from elsewhere reveal nothing.
#pragma once

#include <string>

#include "db/store.h"
#include "server/http/exchange.h"

namespace bhm::server {

struct Actor {
    Actor(Caller caller, Timestamp now, std::string scan_id = "", std::string station = "",
          std::optional<Timestamp> scanned_at = std::nullopt)
        : caller(std::move(caller)), now(now), scan_id(std::move(scan_id)), station(std::move(station)),
          scanned_at(scanned_at) {}
    Caller caller;
    Timestamp now;
    std::string scan_id;      // "" unless a scan caused the command
    std::string station;      // the bench a user scanned at ("" for a station token: its own name)
    std::optional<Timestamp> scanned_at;   // when the station read the code (may be earlier: offline queue)
};

db::Device own_device(db::DeviceRecords& tx, const Actor& actor, db::Id id);
db::Case own_case(db::CaseRecords& tx, const Actor& actor, db::Id id);
db::Patient own_patient(db::CaseRecords& tx, const Actor& actor, db::Id id);
db::Model model_of(db::CatalogueRecords& tx, const db::Device& device);
db::Category category_of(db::CatalogueRecords& tx, const std::string& code);

// A read of another unit's record is allowed for a manager in the same region (read-only view).
bool may_read_unit(db::OrganisationRecords& tx, const Caller& caller, db::Id unit_id);

// Appends one audit event for this actor.
struct EventDraft {
    std::string kind;
    std::optional<db::Id> device_id, case_id;
    std::string before_state, after_state;
    std::string data_json = "{}";
};
db::Id record_event(db::AuditRecords& tx, const Actor& actor, const EventDraft& draft);

// Appending an event screens its data's free-text fields for national IDs (shared/people/free_text_fields.h).

// The kind of a lifecycle refusal: a conflict with the device's state, or refused for a missing step;
// shared/devices/lifecycle.h's refusal_kind decides which it is.
RefusalKind move_refusal_kind(const Refusal& refusal, DeviceState current);

// Moves a device through the lifecycle (shared/devices/lifecycle.h decides), saves it and logs the event.
// A refusal is a conflict or refused as move_refusal_kind says.
void move_device(db::Transaction& tx, const Actor& actor, db::Device& device, DeviceAction action,
                 std::optional<db::Id> case_id = std::nullopt, const std::string& data_json = "{}");

}  // namespace bhm::server
