// JSON and CSV shapes of field safety notices: a notice with its progress, a device's open holds, and the
// affected list, grouped by where each device and lot is now. The patient's address is in a row only when the caller
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
// The notice's listed lot numbers, as the manufacturer wrote them.
Poco::JSON::Array::Ptr lots_view(const std::vector<db::RecallLot>& lots);

// The affected stock lots apart by where their packs are: {"in_stock":[lot with warehouse and quantity left],
// "none_in_stock":[covered lots with nothing left], "issued":[packs picked for or delivered to a case, with the
// case number, municipality and, when `with_addresses`, the address]}. Each stock lot carries its action record.
Poco::JSON::Object::Ptr affected_lots_view(const std::vector<db::AffectedLot>& lots,
                                           const std::vector<db::AffectedLotIssue>& issues, bool with_addresses);

// The same list as CSV (RFC 4180, a header line, CRLF), one row per device, then one per stock lot
// (kind "lot"), then one per issue of a lot to a case (kind "lot_issued"), for contacting the homes. The
// address column is empty unless `with_addresses`.
std::string affected_csv(const db::RecallNotice& notice, const std::vector<db::AffectedDevice>& devices,
                         const std::vector<db::AffectedLot>& lots, const std::vector<db::AffectedLotIssue>& issues,
                         bool with_addresses);

}  // namespace bhm::server
