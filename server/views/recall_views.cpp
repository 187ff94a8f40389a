// Notices, holds and the affected list as JSON and CSV.
#include "server/views/recall_views.h"

#include <sstream>

#include "shared/recalls/progress.h"

namespace bhm::server {
namespace {

Poco::Dynamic::Var opt_time(const std::optional<Timestamp>& at) {
    return at ? Poco::Dynamic::Var(to_iso(*at)) : Poco::Dynamic::Var();
}
Poco::Dynamic::Var opt_id(const std::optional<db::Id>& id) { return id ? Poco::Dynamic::Var(*id) : Poco::Dynamic::Var(); }
Poco::Dynamic::Var text_or_null(const std::string& text) {
    return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

Poco::JSON::Object::Ptr affected_row(const db::AffectedDevice& a, bool with_addresses) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("device_id", a.device_id);
    o->set("asset_tag", a.asset_tag);
    o->set("serial", a.serial);
    o->set("model", a.model_name);
    o->set("state", to_string(a.state));
    o->set("where", to_string(whereabouts_of(a.state)));
    const bool in_house = a.state != DeviceState::on_loan && a.state != DeviceState::retired && a.state != DeviceState::lost;
    o->set("warehouse", in_house ? text_or_null(a.warehouse) : Poco::Dynamic::Var());   // a shelf only while here
    o->set("location", in_house ? text_or_null(a.location) : Poco::Dynamic::Var());
    o->set("reserved_case_id", opt_id(a.reserved_case_id));
    o->set("reserved_case_number", text_or_null(a.reserved_case_number));
    o->set("loan_id", opt_id(a.loan_id));
    o->set("case_id", opt_id(a.loan_case_id));
    o->set("case_number", text_or_null(a.loan_case_number));
    o->set("delivered_at", opt_time(a.delivered_at));
    o->set("municipality", text_or_null(a.municipality));
    o->set("residence", text_or_null(a.residence));
    if (with_addresses && a.loan_id) o->set("address", a.address);
    o->set("held", a.added_how == "received" ? "at receipt" : "at registration");
    o->set("done", a.done_at.has_value());
    o->set("done_at", opt_time(a.done_at));
    o->set("done_by", text_or_null(a.done_by));
    o->set("note", text_or_null(a.note));
    return o;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void csv_line(std::ostringstream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
    out << "\r\n";
}

}  // namespace

Poco::JSON::Object::Ptr notice_view(const db::RecallNotice& n, const RecallProgress& progress) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", n.id);
    o->set("unit_id", n.unit_id);
    o->set("reference", n.reference);
    o->set("issued_on", to_iso(n.issued_on));
    o->set("action", to_string(n.action));
    o->set("user_text", n.user_text);
    o->set("gtin", n.coverage.gtin);
    o->set("model_id", opt_id(n.model_id));
    o->set("coverage", to_string(n.coverage.kind));
    if (n.coverage.kind == CoverageKind::serial_range) {
        o->set("serial_from", n.coverage.serial_from);
        o->set("serial_to", n.coverage.serial_to);
    }
    if (n.coverage.kind == CoverageKind::serial_list) {
        Poco::JSON::Array::Ptr serials = new Poco::JSON::Array;
        for (const auto& s : n.coverage.serials) serials->add(s);
        o->set("serials", serials);
    }
    o->set("registered_at", to_iso(n.registered_at));
    o->set("registered_by", n.registered_by);
    o->set("status", n.closed_at ? "closed" : "open");
    o->set("closed_at", opt_time(n.closed_at));
    Poco::JSON::Object::Ptr p = new Poco::JSON::Object;
    p->set("done", progress.done);
    p->set("total", progress.total);
    o->set("progress", p);
    return o;
}

Poco::JSON::Array::Ptr recall_holds_view(const std::vector<db::DeviceRecallHold>& holds) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& h : holds) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("notice_id", h.notice_id);
        o->set("reference", h.reference);
        o->set("action", to_string(h.action));
        items->add(o);
    }
    return items;
}

Poco::JSON::Object::Ptr affected_view(const std::vector<db::AffectedDevice>& devices, bool with_addresses) {
    Poco::JSON::Object::Ptr groups = new Poco::JSON::Object;
    for (auto where : {RecallWhereabouts::in_stock, RecallWhereabouts::reserved, RecallWhereabouts::on_loan,
                       RecallWhereabouts::in_service, RecallWhereabouts::returned, RecallWhereabouts::written_off})
        groups->set(to_string(where), Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    for (const auto& a : devices)
        groups->getArray(to_string(whereabouts_of(a.state)))->add(affected_row(a, with_addresses));
    return groups;
}

Poco::JSON::Array::Ptr lots_view(const std::vector<db::RecallLot>& lots) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& l : lots) items->add(l.lot);
    return items;
}

Poco::JSON::Object::Ptr affected_lots_view(const std::vector<db::AffectedLot>& lots,
                                           const std::vector<db::AffectedLotIssue>& issues, bool with_addresses) {
    Poco::JSON::Array::Ptr in_stock = new Poco::JSON::Array, none = new Poco::JSON::Array, issued = new Poco::JSON::Array;
    for (const auto& l : lots) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("lot_id", l.lot_id);
        o->set("gtin", l.gtin);
        o->set("item", l.item_name);
        o->set("lot", l.lot);
        o->set("expiry", to_iso(l.expiry));
        o->set("status", to_string(l.status));
        o->set("warehouse_id", l.warehouse_id);
        o->set("warehouse", l.warehouse);
        o->set("quantity", l.quantity);
        o->set("held", l.added_how == "received" ? "at receipt" : "at registration");
        o->set("done", l.done_at.has_value());
        o->set("done_at", opt_time(l.done_at));
        o->set("done_by", text_or_null(l.done_by));
        o->set("note", text_or_null(l.note));
        (l.quantity > 0 ? in_stock : none)->add(o);
    }
    for (const auto& i : issues) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("lot_id", i.lot_id);
        o->set("lot", i.lot);
        o->set("order_id", i.order_id);
        o->set("order_status", i.order_status);
        o->set("quantity", i.quantity);
        o->set("picked_at", to_iso(i.picked_at));
        o->set("delivered_at", opt_time(i.delivered_at));
        o->set("case_id", i.case_id);
        o->set("case_number", i.case_number);
        o->set("municipality", text_or_null(i.municipality));
        o->set("residence", text_or_null(i.residence));
        if (with_addresses) o->set("address", i.address);
        issued->add(o);
    }
    Poco::JSON::Object::Ptr groups = new Poco::JSON::Object;
    groups->set("in_stock", in_stock);
    groups->set("none_in_stock", none);
    groups->set("issued", issued);
    return groups;
}

std::string affected_csv(const db::RecallNotice& notice, const std::vector<db::AffectedDevice>& devices,
                         const std::vector<db::AffectedLot>& lots, const std::vector<db::AffectedLotIssue>& issues,
                         bool with_addresses) {
    std::ostringstream out;
    csv_line(out, {"notice", "kind", "where", "asset_tag", "serial", "lot", "model", "state", "warehouse", "location",
                   "case_number", "municipality", "residence", "address", "quantity", "done", "done_at", "done_by"});
    for (const auto& a : devices) {
        const std::string case_number = a.loan_id ? a.loan_case_number : a.reserved_case_number;
        const bool in_house = a.state != DeviceState::on_loan && a.state != DeviceState::retired && a.state != DeviceState::lost;
        csv_line(out, {notice.reference, "device", to_string(whereabouts_of(a.state)), a.asset_tag, a.serial, "",
                       a.model_name, to_string(a.state), in_house ? a.warehouse : "", in_house ? a.location : "", case_number, a.municipality,
                       a.residence, with_addresses && a.loan_id ? a.address : "", "", a.done_at ? "yes" : "no",
                       a.done_at ? to_iso(*a.done_at) : "", a.done_by});
    }
    for (const auto& l : lots)
        csv_line(out, {notice.reference, "lot", l.quantity > 0 ? "in_stock" : "none_in_stock", "", "", l.lot,
                       l.item_name, to_string(l.status), l.warehouse, "", "", "", "", "", std::to_string(l.quantity),
                       l.done_at ? "yes" : "no", l.done_at ? to_iso(*l.done_at) : "", l.done_by});
    for (const auto& i : issues)
        csv_line(out, {notice.reference, "lot_issued", i.order_status == "delivered" ? "issued" : "picked", "", "",
                       i.lot, "", i.order_status, "", "", i.case_number, i.municipality, i.residence,
                       with_addresses ? i.address : "", std::to_string(i.quantity), "", "", ""});
    return out.str();
}

}  // namespace bhm::server
