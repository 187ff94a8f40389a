// One scan as the station sends it to bhm-server: a client-made UUID (the server's
// idempotency key), where and in which mode it was scanned, the raw code and when.
// The same record is what the offline queue stores.
#pragma once

#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace bhm::scan {

struct ScanEvent {
    std::string id;           // UUID v4, made at scan time
    std::string station;
    std::string mode;         // "receive" | "return" | "issue" | "inspect" | "count"
    std::string code;         // raw scanned text, GS1 separators as 0x1D
    std::string case_number;  // issue mode only, else empty
    std::string scanned_at;   // ISO-8601 UTC, e.g. 2026-03-01T09:15:02.120Z
    std::optional<int> quantity = std::nullopt;   // consumable packs (QTY: code), else none
};

// A fresh scan event: new UUID v4 and the current UTC time.
ScanEvent make_scan_event(std::string station, std::string mode, std::string code,
                          std::string case_number, std::optional<int> quantity = std::nullopt);

// The body of POST /api/v1/scans ("case" and "quantity" only when set).
Poco::JSON::Object::Ptr to_json(const ScanEvent& scan);

}  // namespace bhm::scan
