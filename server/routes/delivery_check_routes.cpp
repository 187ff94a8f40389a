// The delivery checklist for a case and its picked device, from the same gate POST /cases/{id}/deliveries
// passes through (delivery_check + check_delivery): each item is ticked or names the rule it misses.
// The handover items are taken from the query as the caseworker ticks them. Nothing is saved.
#include "server/routes/route_support.h"
#include <algorithm>

#include "server/services/loans.h"
#include "shared/loans/exchange.h"

namespace bhm::server {
namespace {

// The checklist's items, in the order a caseworker works through them, and the gate's codes for each.
struct Item {
    const char* name;
    std::vector<std::string> codes;
};
const std::vector<Item> items{
    {"decision", {"case_not_approved", "case_not_delivered"}},
    {"device", {"device_not_available", "wrong_category", "no_device_picked", "other_device_picked", "device_not_yet_received",
                "recall_action_pending"}},
    {"inspection", {"inspection_missing", "inspection_overdue", "inspection_missing_at_delivery", "inspection_due_at_delivery"}},
    {"site_check", {"site_check_missing", "site_check_after_delivery"}},
    {"manual", {"manual_missing"}},
    {"training", {"training_missing", "training_not_named"}},
    {"fitted_and_tested", {"not_fitted"}},
    {"journal_note", {"journal_note_missing", "journal_note_after_delivery"}},
};
// A reason the gate gives that no item above names still shows, under "other".
const char* other_item = "other";

bool flag(const Request& request, const std::string& name) { return request.query_value(name).value_or("") == "true"; }

}  // namespace

void add_delivery_check_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/cases/{id}/delivery-check", Access::user, delivery_roles,
        "The delivery checklist from the delivery gate: each item ok or with the rule it misses "
        "(?device_id= default the picked device, &manual_included=&training_recorded=&trained=&fitted_and_tested=true; "
        "&exchange=true judges device_id as the replacement in an exchange at home, POST /cases/{id}/exchanges).", "",
        [&app](Request& request) {
            std::optional<db::Id> device_id;
            if (auto text = request.query_value("device_id")) device_id = query_int(text, "device_id", 0, 1, 2'000'000'000);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto c = own_case(tx, actor, request.id_param());
                std::optional<db::Device> device = device_id ? std::optional(own_device(tx, actor, *device_id))
                                                             : device_picked_for(tx, c);
                std::vector<Refusal> reasons;
                if (device) {
                    DeliveryCommand handover;
                    handover.device_id = device->id;
                    handover.manual_included = flag(request, "manual_included");
                    handover.training_recorded = flag(request, "training_recorded");
                    handover.trained_who = request.query_value("trained").value_or("");
                    handover.fitted_and_tested = flag(request, "fitted_and_tested");
                    handover.not_fitted_reason = request.query_value("not_fitted_reason").value_or("");
                    auto gate = delivery_gate_check(tx, actor, c, *device, handover, actor.now, app.site_check_max_years);
                    reasons = flag(request, "exchange") ? check_exchange_delivery(gate) : check_delivery(gate);
                } else {
                    reasons.push_back(Refusal{"no_device_picked", "No device is picked for this case yet.", ""});
                }
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("case_id", c.id);
                o->set("device", device ? Poco::Dynamic::Var(device_view(tx, *device)) : Poco::Dynamic::Var());
                o->set("may_deliver", reasons.empty());
                Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
                for (const auto& item : items) {
                    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
                    entry->set("item", item.name);
                    Poco::JSON::Array::Ptr missing = new Poco::JSON::Array;
                    for (const auto& r : reasons) {
                        if (std::find(item.codes.begin(), item.codes.end(), r.code) == item.codes.end()) continue;
                        Poco::JSON::Object::Ptr m = new Poco::JSON::Object;
                        m->set("code", r.code);
                        m->set("detail", r.message);
                        m->set("rule", r.rule);
                        missing->add(m);
                    }
                    entry->set("ok", missing->size() == 0);
                    entry->set("missing", missing);
                    list->add(entry);
                }
                Poco::JSON::Array::Ptr others = new Poco::JSON::Array;
                for (const auto& r : reasons) {
                    bool named = false;
                    for (const auto& item : items)
                        named = named || std::find(item.codes.begin(), item.codes.end(), r.code) != item.codes.end();
                    if (named) continue;
                    Poco::JSON::Object::Ptr m = new Poco::JSON::Object;
                    m->set("code", r.code);
                    m->set("detail", r.message);
                    m->set("rule", r.rule);
                    others->add(m);
                }
                if (others->size() > 0) {
                    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
                    entry->set("item", other_item);
                    entry->set("ok", false);
                    entry->set("missing", others);
                    list->add(entry);
                }
                o->set("items", list);
                return o;
            }));
        }});
}

}  // namespace bhm::server
