// Record → JSON, with optionals as null.
#include "server/views/views.h"
#include "server/views/recall_views.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "shared/cases/case_flow.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

std::string json_text(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

Poco::Dynamic::Var parse_json_text(const std::string& text) {
    if (text.empty()) return Poco::Dynamic::Var();
    try {
        Poco::JSON::Parser parser;
        return parser.parse(text);
    } catch (const Poco::Exception&) {
        return text;
    }
}

Poco::JSON::Object::Ptr model_view(const db::Model& model) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", model.id);
    o->set("gtin", model.gtin);
    o->set("manufacturer", model.manufacturer);
    o->set("name", model.name);
    o->set("category", model.category);
    o->set("price_ore", model.price_ore);
    o->set("protection_class", model.protection_class);
    o->set("applied_part", model.applied_part);
    return o;
}

Poco::JSON::Object::Ptr category_view(const db::Category& c, const std::vector<std::string>& consumables) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("code", c.code);
    o->set("name", c.name);
    o->set("name_no", c.name_no);
    o->set("site_check_required", c.site_check_required);
    o->set("electrical", c.electrical);
    o->set("inspection_interval_months", c.inspection_interval_months);
    o->set("default_loan_days", c.default_loan_days);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& item : consumables) items->add(item);
    o->set("consumables", items);
    return o;
}

Poco::JSON::Object::Ptr device_view(db::Transaction& tx, const db::Device& d) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", d.id);
    o->set("unit_id", d.unit_id);
    o->set("asset_tag", d.asset_tag);
    o->set("serial", d.serial);
    o->set("state", to_string(d.status.state));
    o->set("cleaned", d.status.cleaned);
    o->set("inspected", d.status.inspected);
    o->set("inspection_failed", d.status.inspection_failed);
    o->set("inspection_due", opt(d.inspection_due));
    o->set("reserved_case_id", opt(d.reserved_case_id));
    o->set("warehouse_id", opt(d.warehouse_id));
    o->set("location", Poco::Dynamic::Var());
    if (d.location_id)
        if (auto location = tx.location(*d.location_id)) o->set("location", location->code);
    o->set("received_at", to_iso(d.received_at));
    o->set("version", d.version);
    if (auto model = tx.model(d.model_id)) o->set("model", model_view(*model));
    o->set("recall_holds", recall_holds_view(tx.open_recall_holds(d.id)));   // open field safety notices
    return o;
}

Poco::JSON::Object::Ptr patient_view(const db::Patient& p) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", p.id);
    o->set("national_id", p.national_id);
    o->set("name", p.name);
    o->set("address", p.address);
    o->set("municipality", p.municipality);
    o->set("residence", p.residence);
    return o;
}

Poco::JSON::Object::Ptr case_view(db::Transaction& tx, const db::Case& c, bool with_site_addresses) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", c.id);
    o->set("number", c.number);
    o->set("status", to_string(c.status));
    o->set("category", c.category);
    o->set("patient_id", c.patient_id);
    o->set("inpatient", c.inpatient);
    o->set("palliative", c.palliative);
    o->set("nebulizer_criteria_met", c.nebulizer_criteria_met);
    o->set("lymphoedema", c.lymphoedema);
    Poco::JSON::Object::Ptr requester = new Poco::JSON::Object;
    requester->set("role", c.requester_role);
    requester->set("hpr_number", c.requester_hpr);
    requester->set("name", c.requester_name);
    o->set("requester", requester);
    o->set("applied_at", to_iso(c.applied_at));
    if (c.decided_at) {
        Poco::JSON::Object::Ptr decision = new Poco::JSON::Object;
        decision->set("approved", opt(c.approved));
        decision->set("grounds", c.grounds);
        decision->set("decided_by", c.decided_by);
        decision->set("decided_at", to_iso(*c.decided_at));
        decision->set("loan_days", c.loan_days);
        auto right = complaint_right(local_date(*c.decided_at));
        Poco::JSON::Object::Ptr complaint = new Poco::JSON::Object;
        complaint->set("authority", right.authority);
        complaint->set("law", right.law);
        complaint->set("deadline", to_iso(right.deadline));
        complaint->set("text_no", right.text_no);
        complaint->set("text_en", right.text_en);
        decision->set("complaint", complaint);
        o->set("decision", decision);
    } else {
        o->set("decision", Poco::Dynamic::Var());
    }
    if (c.journal_written_at) {
        Poco::JSON::Object::Ptr note = new Poco::JSON::Object;
        note->set("hpr_number", c.journal_hpr);
        note->set("written_at", to_iso(*c.journal_written_at));
        o->set("journal_note", note);
    } else {
        o->set("journal_note", Poco::Dynamic::Var());
    }
    // Append-only: every entry, corrections naming the one they correct (the latest is the one in force).
    Poco::JSON::Array::Ptr notes = new Poco::JSON::Array;
    for (const auto& n : tx.journal_notes(c.id)) {
        Poco::JSON::Object::Ptr note = new Poco::JSON::Object;
        note->set("id", n.id);
        note->set("hpr_number", n.hpr_number);
        note->set("written_at", to_iso(n.written_at));
        note->set("recorded_at", to_iso(n.recorded_at));
        note->set("recorded_by", n.recorded_by);
        note->set("corrects", opt(n.corrects_id));
        note->set("correction_reason", n.correction_reason);
        notes->add(note);
    }
    o->set("journal_notes", notes);
    const auto site_checks = tx.site_checks(c.id);
    Poco::JSON::Array::Ptr checks = new Poco::JSON::Array;
    for (const auto& s : site_checks) {
        Poco::JSON::Object::Ptr check = new Poco::JSON::Object;
        check->set("id", s.id);
        check->set("documented_by", s.documented_by);
        check->set("checked_on", to_iso(s.checked_on));
        check->set("document_ref", s.document_ref);
        if (with_site_addresses) check->set("address", s.address);
        check->set("recorded_at", to_iso(s.recorded_at));
        check->set("corrects", opt(s.corrects_id));
        check->set("correction_reason", s.correction_reason);
        bool superseded = false;
        for (const auto& later : site_checks) superseded = superseded || later.corrects_id == s.id;
        check->set("superseded", superseded);
        checks->add(check);
    }
    o->set("site_checks", checks);
    o->set("delivered_at", opt(c.delivered_at));
    o->set("own_equipment", c.own_equipment);
    o->set("own_equipment_note", c.own_equipment_note);
    auto waits = waiting_times(local_date(c.applied_at), c.decided_at ? std::optional(local_date(*c.decided_at)) : std::nullopt,
                               c.delivered_at ? std::optional(local_date(*c.delivered_at)) : std::nullopt);
    Poco::JSON::Object::Ptr waiting = new Poco::JSON::Object;
    waiting->set("application_to_decision_days", opt(waits.application_to_decision_days));
    waiting->set("decision_to_delivery_days", opt(waits.decision_to_delivery_days));
    waiting->set("application_to_delivery_days", opt(waits.application_to_delivery_days));
    o->set("waiting_days", waiting);
    o->set("version", c.version);
    return o;
}

Poco::JSON::Object::Ptr loan_view(const db::Loan& l) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", l.id);
    o->set("case_id", l.case_id);
    o->set("device_id", l.device_id);
    o->set("delivered_at", to_iso(l.delivered_at));
    o->set("due_on", to_iso(l.due_on));
    o->set("handover", l.handover);
    o->set("manual_included", l.manual_included);
    o->set("training_recorded", l.training_recorded);
    o->set("trained", l.trained_who);
    o->set("fitted_and_tested", l.fitted_and_tested);
    o->set("not_fitted_reason", l.not_fitted_reason);
    o->set("delivered_by", l.delivered_by);
    o->set("returned_at", opt(l.returned_at));
    o->set("end_reason", l.end_reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(l.end_reason));
    return o;
}

Poco::JSON::Object::Ptr event_view(const db::Event& e) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", e.id);
    o->set("at", to_iso(e.at));
    o->set("kind", e.kind);
    o->set("actor", e.actor);
    o->set("station", e.station.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(e.station));
    o->set("scan_id", e.scan_id.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(e.scan_id));
    o->set("device_id", opt(e.device_id));
    o->set("case_id", opt(e.case_id));
    o->set("before", e.before_state.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(e.before_state));
    o->set("after", e.after_state.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(e.after_state));
    o->set("data", parse_json_text(e.data_json));
    return o;
}

Poco::JSON::Object::Ptr inspection_view(const db::Inspection& i) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", i.id);
    o->set("device_id", i.device_id);
    o->set("inspected_at", to_iso(i.inspected_at));
    o->set("passed", i.passed);
    o->set("method", i.method);
    o->set("tester", i.tester);
    o->set("instrument", i.instrument);
    o->set("instrument_calibrated_on", to_iso(i.instrument_calibrated_on));
    o->set("next_due", opt(i.next_due));
    o->set("details", parse_json_text(i.details_json));
    return o;
}

Poco::JSON::Object::Ptr service_order_view(const db::ServiceOrder& s) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", s.id);
    o->set("device_id", s.device_id);
    o->set("opened_at", to_iso(s.opened_at));
    o->set("opened_by", s.opened_by);
    o->set("fault", s.fault);
    o->set("work", s.work);
    o->set("parts", s.parts);
    o->set("closed_at", opt(s.closed_at));
    o->set("closed_by", s.closed_by);
    return o;
}

Poco::JSON::Object::Ptr station_view(const db::Station& s) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", s.id);
    o->set("name", s.name);
    o->set("unit_id", s.unit_id);
    o->set("created_at", to_iso(s.created_at));
    o->set("created_by", s.created_by);
    o->set("revoked_at", opt(s.revoked_at));
    return o;
}

}  // namespace bhm::server
