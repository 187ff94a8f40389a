// Record -> JSON for the flows, with optionals as null.
#include "server/views/flow_views.h"

#include <Poco/JSON/Array.h>

#include "server/views/views.h"
#include "shared/cases/case_flow.h"
#include "shared/cases/complaint.h"

namespace bhm::server {

Poco::JSON::Object::Ptr decision_view(const db::DecisionRecord& d) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", d.id);
    o->set("kind", d.kind);
    o->set("approved", d.approved);
    o->set("grounds", d.grounds);
    o->set("decided_by", d.decided_by);
    o->set("decided_at", to_iso(d.decided_at));
    o->set("loan_days", d.loan_days);
    o->set("complaint_deadline", to_iso(d.complaint_deadline));
    o->set("complaint_id", opt(d.complaint_id));
    return o;
}

Poco::JSON::Object::Ptr complaint_view(db::Transaction& tx, const db::Complaint& c) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", c.id);
    o->set("case_id", c.case_id);
    o->set("decision_id", c.decision_id);
    o->set("received_on", to_iso(c.received_on));
    o->set("deadline", to_iso(c.deadline));
    o->set("within_deadline", c.within_deadline);
    o->set("days_late", std::max(0, days_between(c.deadline, c.received_on)));
    o->set("summary", c.summary);
    o->set("status", c.status);
    o->set("law", "pasient- og brukerrettighetsloven § 7-2");
    o->set("recorded_at", to_iso(c.recorded_at));
    o->set("recorded_by", c.recorded_by);
    Poco::JSON::Array::Ptr steps = new Poco::JSON::Array;
    for (const auto& s : tx.complaint_steps(c.id)) {
        Poco::JSON::Object::Ptr step = new Poco::JSON::Object;
        step->set("id", s.id);
        step->set("kind", s.kind);
        step->set("on", to_iso(s.on_date));
        step->set("result", s.result);
        step->set("grounds", s.grounds);
        step->set("decision_id", opt(s.decision_id));
        step->set("recorded_at", to_iso(s.recorded_at));
        step->set("recorded_by", s.recorded_by);
        steps->add(step);
    }
    o->set("steps", steps);
    return o;
}

Poco::JSON::Object::Ptr pickup_view(db::Transaction& tx, const db::PickupTask& p) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", p.id);
    o->set("reason", p.reason);
    o->set("note", p.note);
    o->set("device_id", p.device_id);
    o->set("case_id", p.case_id);
    o->set("loan_id", p.loan_id);
    o->set("created_at", to_iso(p.created_at));
    o->set("created_by", p.created_by);
    o->set("done_at", opt(p.done_at));
    if (auto device = tx.device(p.device_id)) o->set("asset_tag", device->asset_tag);
    if (auto c = tx.case_by_id(p.case_id)) {
        o->set("case_number", c->number);
        if (auto patient = tx.patient(c->patient_id)) o->set("municipality", patient->municipality);
    }
    return o;
}

Poco::JSON::Object::Ptr write_off_view(const db::WriteOff& w) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", w.id);
    o->set("device_id", w.device_id);
    o->set("category", w.category);
    o->set("reason", w.reason);
    o->set("loan_id", opt(w.loan_id));
    o->set("written_off_at", to_iso(w.written_off_at));
    o->set("written_off_by", w.written_off_by);
    return o;
}

Poco::JSON::Object::Ptr transfer_view(db::Transaction& tx, const db::Transfer& t) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", t.id);
    o->set("case_id", t.case_id);
    o->set("loan_id", t.loan_id);
    o->set("device_id", t.device_id);
    o->set("from_unit_id", t.from_unit_id);
    o->set("to_unit_id", t.to_unit_id);
    if (auto from = tx.unit(t.from_unit_id)) o->set("from_unit", from->code);
    if (auto to = tx.unit(t.to_unit_id)) o->set("to_unit", to->code);
    o->set("reason", t.reason);
    o->set("status", t.status);
    o->set("requested_at", to_iso(t.requested_at));
    o->set("requested_by", t.requested_by);
    o->set("received_at", opt(t.received_at));
    o->set("received_by", t.received_by);
    o->set("cancelled_at", opt(t.cancelled_at));
    o->set("cancelled_by", t.cancelled_by);
    o->set("cancel_reason", t.cancel_reason);
    if (auto c = tx.case_by_id(t.case_id)) {
        o->set("case_number", c->number);
        o->set("category", c->category);
    }
    if (auto device = tx.device(t.device_id)) o->set("asset_tag", device->asset_tag);
    return o;
}

void add_case_flows(db::Transaction& tx, const db::Case& c, Poco::JSON::Object::Ptr& view, bool personal) {
    Poco::JSON::Array::Ptr decisions = new Poco::JSON::Array;
    for (const auto& d : tx.decisions(c.id)) decisions->add(decision_view(d));
    view->set("decisions", decisions);
    // A reversal that refuses a device already at the patient's: the loan stands until the unit ends it.
    view->set("loan_against_decision", loan_against_decision(c.status, c.approved.value_or(true)));
    Poco::JSON::Array::Ptr complaints = new Poco::JSON::Array;
    for (const auto& complaint : tx.complaints(c.id)) {
        auto item = complaint_view(tx, complaint);
        if (!personal) {
            item->remove("summary");
            item->remove("steps");
        }
        complaints->add(item);
    }
    view->set("complaints", complaints);
    Poco::JSON::Array::Ptr transfers = new Poco::JSON::Array;
    for (const auto& t : tx.transfers_of_unit(c.unit_id))
        if (t.case_id == c.id) transfers->add(transfer_view(tx, t));
    view->set("transfers", transfers);
    Poco::JSON::Array::Ptr pickups = new Poco::JSON::Array;
    for (const auto& p : tx.open_pickup_tasks(c.unit_id))
        if (p.case_id == c.id) pickups->add(pickup_view(tx, p));
    view->set("pickup_tasks", pickups);
    auto death = tx.patient_death(c.patient_id);
    view->set("patient_died_on", opt(death ? std::optional(death->died_on) : std::nullopt));
}

}  // namespace bhm::server
