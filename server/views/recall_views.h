// JSON and CSV shapes of field safety notices: a notice with its progress, a device's open holds, and the
// affected list, grouped by where each device is now. The patient's address is in a row only when the caller
// may see it (the route decides and logs the read); the municipality always is.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "db/recall_records.h"

namespace bhm::server {

Poco::JSON::Object::Ptr notice_view(const db::RecallNotice& notice, const RecallProgress& progress);
Poco::JSON::Array::Ptr recall_holds_view(const std::vector<db::DeviceRecallHold>& holds);

// {"in_stock":[...], "reserved":[...], "on_loan":[...], "in_service":[...], "returned":[...], "written_off":[...]}
Poco::JSON::Object::Ptr affected_view(const std::vector<db::AffectedDevice>& devices, bool with_addresses);
Poco::JSON::Array::Ptr lots_view(const std::vector<db::RecallLot>& lots);

// The same list as CSV (RFC 4180, a header line, CRLF), one row per device then one per lot, for contacting
// the homes. The address column is empty unless `with_addresses`.
std::string affected_csv(const db::RecallNotice& notice, const std::vector<db::AffectedDevice>& devices,
                         const std::vector<db::RecallLot>& lots, bool with_addresses);

}  // namespace bhm::server
