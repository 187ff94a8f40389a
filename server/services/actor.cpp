// Unit scoping, event recording and lifecycle moves shared by every workflow.
#include "server/services/actor.h"

#include <Poco/Logger.h>

#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/people/free_text_fields.h"

namespace bhm::server {

bool may_read_unit(db::OrganisationRecords& tx, const Caller& caller, db::Id unit_id) {
    if (unit_id == caller.unit_id) return true;
    if (caller.role != "manager") return false;
    auto unit = tx.unit(unit_id);
    return unit && unit->region_id == caller.region_id;
}

db::Device own_device(db::DeviceRecords& tx, const Actor& actor, db::Id id) {
    auto device = tx.device(id);
    if (!device || device->unit_id != actor.caller.unit_id) not_found("Device " + std::to_string(id));
    return *device;
}

db::Case own_case(db::CaseRecords& tx, const Actor& actor, db::Id id) {
    auto found = tx.case_by_id(id);
    if (!found || found->unit_id != actor.caller.unit_id) not_found("Case " + std::to_string(id));
    return *found;
}

db::Patient own_patient(db::CaseRecords& tx, const Actor& actor, db::Id id) {
    auto patient = tx.patient(id);
    if (!patient || patient->unit_id != actor.caller.unit_id) not_found("Patient " + std::to_string(id));
    return *patient;
}

db::Model model_of(db::CatalogueRecords& tx, const db::Device& device) {
    auto model = tx.model(device.model_id);
    if (!model) throw std::runtime_error("device " + std::to_string(device.id) + " has no model");
    return *model;
}

db::Category category_of(db::CatalogueRecords& tx, const std::string& code) {
    auto category = tx.category(code);
    if (!category) refuse(RefusalKind::refused, "unknown_category", "There is no device category '" + code + "'.");
    return *category;
}

namespace {

// Every entry of the trail passes here, so this is where the one list of free-text fields
// (shared/people/free_text_fields.h) is enforced: a listed field carrying a national ID is refused
// and the whole command rolls back. Nested objects and arrays are screened too.
void screen_free_text(const Poco::Dynamic::Var& value, const std::string& field) {
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        auto object = value.extract<Poco::JSON::Object::Ptr>();
        for (const auto& [key, inner] : *object) screen_free_text(inner, key);
    } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const auto& inner : *value.extract<Poco::JSON::Array::Ptr>()) screen_free_text(inner, field);
    } else if (value.isString()) {
        if (auto refusal = check_free_text_field(field, value.convert<std::string>())) refuse(*refusal);
    }
}

}  // namespace

db::Id record_event(db::AuditRecords& tx, const Actor& actor, const EventDraft& draft) {
    screen_free_text(parse_json_text(draft.data_json), "");
    db::Event event;
    event.unit_id = actor.caller.unit_id;
    event.device_id = draft.device_id;
    event.case_id = draft.case_id;
    event.at = actor.now;
    event.actor = actor.caller.actor();
    event.station = actor.caller.kind == Caller::Kind::station ? actor.caller.name : actor.station;
    event.scan_id = actor.scan_id;
    event.kind = draft.kind;
    event.before_state = draft.before_state;
    event.after_state = draft.after_state;
    event.data_json = draft.data_json;
    if (actor.scanned_at) {   // the event is committed now; the data keeps when the code was read
        auto data = parse_json_text(draft.data_json);
        if (data.type() == typeid(Poco::JSON::Object::Ptr)) {
            auto object = data.extract<Poco::JSON::Object::Ptr>();
            object->set("scanned_at", to_iso(*actor.scanned_at));
            event.data_json = json_text(*object);
        }
    }
    db::Id id = tx.append_event(event);
    // One structured line per state change; ids only, never patient data. Written once committed,
    // so the log never tells of a change that was rolled back, and never inside the writer's turn.
    tx.after_commit([kind = draft.kind, device = draft.device_id ? std::to_string(*draft.device_id) : std::string("-"),
                     case_id = draft.case_id ? std::to_string(*draft.case_id) : std::string("-"),
                     before = draft.before_state.empty() ? std::string("-") : draft.before_state,
                     after = draft.after_state.empty() ? std::string("-") : draft.after_state, who = event.actor,
                     scan = actor.scan_id.empty() ? std::string("-") : actor.scan_id] {
        Poco::Logger::get("bhm.events").information("event=%s device=%s case=%s before=%s after=%s actor=%s scan=%s",
                                                    kind, device, case_id, before, after, who, scan);
    });
    return id;
}

RefusalKind move_refusal_kind(const Refusal& refusal, DeviceState current) {
    return refusal_kind(refusal.code, current);
}

void move_device(db::Transaction& tx, const Actor& actor, db::Device& device, DeviceAction action,
                 std::optional<db::Id> case_id, const std::string& data_json) {
    const auto before = device.status;
    const bool electrical = category_of(tx, model_of(tx, device).category).electrical;
    auto transition = apply(before, action, electrical);
    if (!transition.next) refuse(*transition.refusal, move_refusal_kind(*transition.refusal, before.state));
    device.status = *transition.next;
    if (device.status.state != DeviceState::reserved) device.reserved_case_id.reset();
    tx.update_device(device);
    record_event(tx, actor, EventDraft{to_string(action), device.id, case_id, to_string(before.state),
                                       to_string(device.status.state), data_json});
}

}  // namespace bhm::server
