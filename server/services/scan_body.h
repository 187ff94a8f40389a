// The scan endpoints' request bodies, parsed and checked whole before anything is applied: one
// scan object, or a batch ({"scans":[...]} or a bare array, at most 100). Kept apart from the
// scan service so that the libFuzzer target (tests/fuzz) can drive exactly this code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "server/http/exchange.h"
#include "shared/scans/scan_mode.h"

namespace bhm::server {

constexpr std::size_t max_scan_batch = 100;

struct ScanCommand {
    std::string id;            // UUID made by the station at scan time
    std::string station;
    ScanMode mode = ScanMode::receive;
    std::string code;          // raw scanned text, GS as \u001d
    std::string case_number;   // issue mode
    std::optional<Timestamp> scanned_at;
    std::optional<int> quantity = std::nullopt;   // consumable packs: how many (receive, issue) or counted; 0..100000
};

// Parses and checks one scan object (400 on malformed input).
ScanCommand parse_scan(const Poco::JSON::Object::Ptr& object, const Caller& caller);
// Every scan of a batch body, each checked before any is applied (400 naming the scan; 413 past 100).
std::vector<ScanCommand> parse_scan_batch(const std::string& body, const Caller& caller);

}  // namespace bhm::server
