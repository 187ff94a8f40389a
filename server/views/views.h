// JSON shapes of the records the API returns. One place, so every endpoint
// shows a device, a case or a loan the same way. Dates ISO, money in øre.
#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <type_traits>

#include "db/store.h"
#include "shared/core/date.h"

namespace bhm::server {

// An optional field as JSON: null when unset, a date or a time as ISO text, anything else as itself.
template <class T>
Poco::Dynamic::Var opt(const std::optional<T>& value) {
    if (!value) return Poco::Dynamic::Var();
    if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, Timestamp>) return to_iso(*value);
    else return *value;
}

Poco::JSON::Object::Ptr device_view(db::Transaction& tx, const db::Device& device);
Poco::JSON::Object::Ptr model_view(const db::Model& model);
Poco::JSON::Object::Ptr category_view(const db::Category& category, const std::vector<std::string>& consumables);
Poco::JSON::Object::Ptr patient_view(const db::Patient& patient);
// Site checks carry the patient's address only `with_site_addresses` (a caller who may see the patient,
// whose read is then logged: server/services/patient_access.h).
Poco::JSON::Object::Ptr case_view(db::Transaction& tx, const db::Case& c, bool with_site_addresses = false);
Poco::JSON::Object::Ptr loan_view(const db::Loan& loan);
Poco::JSON::Object::Ptr event_view(const db::Event& event);
Poco::JSON::Object::Ptr inspection_view(const db::Inspection& inspection);
Poco::JSON::Object::Ptr service_order_view(const db::ServiceOrder& order);
Poco::JSON::Object::Ptr station_view(const db::Station& station);

// Serialises an object to compact JSON text (for event data and stored details).
std::string json_text(const Poco::JSON::Object& object);

// Parses stored JSON text (details, event data) back into a value for embedding.
Poco::Dynamic::Var parse_json_text(const std::string& text);

}  // namespace bhm::server
