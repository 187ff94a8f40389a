// What a route handler sees and returns: the authenticated caller, the path
// parameters, the query, the JSON body; and a status with a JSON or raw body.
// Handlers never touch Poco's request/response objects directly.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "db/records.h"

namespace bhm::server {

// Who is calling. Users have a role; scan stations only reach the scan endpoints.
struct Caller {
    enum class Kind { anonymous, user, station } kind = Kind::anonymous;
    db::Id id = 0;
    db::Id unit_id = 0;
    db::Id region_id = 0;
    std::string name;       // username, or the station's name
    std::string role;       // "warehouse" | "technician" | "caseworker" | "manager" | "admin" | "station"
    std::string csrf_token; // set when signed in by a browser session cookie: writes must echo it
    std::string actor() const { return kind == Kind::station ? "station:" + name : name; }
};

struct Request {
    std::string method, path;
    std::map<std::string, std::string> params;   // from the route pattern, e.g. {id}
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names lower-cased (a repeated field: its first value)
    std::string body;                            // raw, size-capped
    std::string peer;                            // the client's IP address
    Caller caller;

    std::optional<std::string> header(const std::string& lower_case_name) const;

    db::Id id_param(const std::string& name = "id") const;   // 404 unless a positive integer
    Poco::JSON::Object::Ptr json() const;                    // 400 unless a JSON object
    std::optional<std::string> query_value(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::map<std::string, std::string> headers;

    static Response json(const Poco::Dynamic::Var& value, int status = 200);
};

}  // namespace bhm::server
