// Consumable views: money stays in øre, dates as ISO text, statuses as their stable names.
#include "server/views/consumable_views.h"

#include <Poco/JSON/Array.h>

namespace bhm::server {

Poco::JSON::Object::Ptr consumable_item_view(const db::ConsumableItem& item) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", item.id);
    o->set("gtin", item.gtin);
    o->set("name", item.name);
    o->set("unit_of_issue", item.unit_of_issue);
    o->set("price_ore", item.price_ore);
    o->set("payer", to_string(item.payer));
    Poco::JSON::Array::Ptr categories = new Poco::JSON::Array;
    for (const auto& c : item.categories) categories->add(c);
    o->set("categories", categories);
    return o;
}

Poco::JSON::Object::Ptr lot_view(const db::ConsumableLot& lot, Date today) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", lot.id);
    o->set("warehouse_id", lot.warehouse_id);
    o->set("item_id", lot.item_id);
    o->set("lot", lot.lot);
    o->set("expiry", to_iso(lot.expiry));
    o->set("status", to_string(lot.status));
    o->set("effective_status", to_string(effective_lot_status(lot.status, lot.expiry, today)));
    o->set("status_reason", lot.status_reason);
    o->set("near_expiry", near_expiry(lot.expiry, today, near_expiry_days));
    o->set("quantity", lot.quantity);
    o->set("received_at", to_iso(lot.received_at));
    return o;
}

Poco::JSON::Object::Ptr standing_order_view(const db::StandingOrder& order, Date next_due) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", order.id);
    o->set("case_id", order.case_id);
    o->set("item_id", order.item_id);
    o->set("quantity", order.quantity);
    o->set("interval_days", order.interval_days);
    o->set("start_on", to_iso(order.start_on));
    o->set("last_sent_on", order.last_sent_on ? Poco::Dynamic::Var(to_iso(*order.last_sent_on)) : Poco::Dynamic::Var());
    o->set("next_due", to_iso(next_due));
    o->set("active", order.active);
    return o;
}

}  // namespace bhm::server
