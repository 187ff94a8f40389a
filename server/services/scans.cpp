// The scan endpoint's core: idempotency by scan id, one transaction per scan,
// and answers (ok or refusal) kept so that a replay is answered the same way.
#include "server/services/scans.h"

#include <Poco/JSON/Parser.h>

#include "server/auth/password.h"
#include "server/http/fields.h"
#include "server/http/error_mapping.h"
#include "server/http/problem.h"
#include "server/services/scan_modes.h"
#include "server/views/views.h"

namespace bhm::server {
namespace {

Poco::JSON::Object::Ptr stored_body(const db::ScanAnswer& answer) {
    auto value = parse_json_text(answer.body_json);
    Poco::JSON::Object::Ptr body = value.type() == typeid(Poco::JSON::Object::Ptr)
                                       ? value.extract<Poco::JSON::Object::Ptr>()
                                       : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
    body->set("replayed", true);
    return body;
}

Poco::JSON::Object::Ptr refusal_body(const ApiError& error, const ScanCommand& scan) {
    auto body = problem_body(error);
    body->set("scan_id", scan.id);
    body->set("result", error.status == 409 ? "conflict" : "refused");
    body->set("mode", std::string(to_string(scan.mode)));
    body->set("replayed", false);
    return body;
}

// What was scanned, as one digest: a resend of the same scan has the same fingerprint.
std::string fingerprint(const ScanCommand& scan) {
    const std::string at = scan.scanned_at ? to_iso(*scan.scanned_at) : "";
    // A typed quantity (consumable packs) joins the digest only when given, so earlier answers keep theirs.
    const std::string quantity = scan.quantity ? '\x1f' + std::to_string(*scan.quantity) : "";
    return sha256_hex(std::string(to_string(scan.mode)) + '\x1f' + scan.code + '\x1f' + scan.case_number + '\x1f' + scan.station + '\x1f' + at +
                      quantity);
}

// An answer for another unit's scan id must not leak: treat it as a clash of ids. The same id with
// another body is a station's broken id generator: refused, as payment APIs do with idempotency keys.
std::optional<ScanReply> replay(db::Transaction& tx, const Caller& caller, const ScanCommand& scan,
                                const std::string& print) {
    auto answer = tx.scan_answer(scan.id);
    if (!answer) return std::nullopt;
    if (answer->unit_id != caller.unit_id)
        refuse(RefusalKind::conflict, "scan_id_taken", "This scan id was already used by another station; make a new id.");
    if (!answer->request_fingerprint.empty() && answer->request_fingerprint != print)
        refuse(RefusalKind::refused, "scan_id_reused",
             "This scan id was already used for a different scan; the station must make a new id for every scan.");
    return ScanReply{answer->http_status, stored_body(*answer)};
}

void keep(db::Transaction& tx, const Caller& caller, const ScanCommand& scan, const std::string& print,
          const ScanReply& reply, Timestamp now) {
    tx.insert_scan_answer(db::ScanAnswer{scan.id, caller.unit_id, scan.station, reply.status,
                                         json_text(*reply.body), now, print});
}

// A refused scan: the command rolled back; its refusal is kept in its own transaction, so a resend gets
// the same answer. Malformed, not allowed and id clashes are answered but not kept.
ScanReply remember(App& app, const Caller& caller, const ScanCommand& scan, const std::string& print, Timestamp now,
                   const ApiError& error) {
    if (error.status == 400 || error.status == 403) throw error;
    if (error.refusal.code == "scan_id_taken" || error.refusal.code == "scan_id_reused") throw error;
    ScanReply refused{error.status, refusal_body(error, scan)};
    app.store.write([&](db::Transaction& tx) {
        if (auto earlier = replay(tx, caller, scan, print)) {
            refused = *earlier;
            return;
        }
        keep(tx, caller, scan, print, refused, now);
    });
    return refused;
}

}  // namespace

ScanReply handle_scan(App& app, const Caller& caller, const ScanCommand& scan) {
    const Timestamp now = app.clock.now();
    const std::string print = fingerprint(scan);   // once per scan: the replay check and the kept answer
    std::optional<ScanReply> reply;
    try {
        app.store.write([&](db::Transaction& tx) {
            if ((reply = replay(tx, caller, scan, print))) return;
            Actor actor{caller, now, scan.id, scan.station, scan.scanned_at};
            auto result = run_scan_mode(tx, actor, scan);
            ScanReply ok;
            if (result.warning) {
                ok.status = 409;
                ok.body = refusal_body(ApiError(409, *result.warning), scan);
            } else {
                ok.body = new Poco::JSON::Object;
                ok.body->set("id", scan.id);
                ok.body->set("result", "ok");
                ok.body->set("mode", std::string(to_string(scan.mode)));
                ok.body->set("replayed", false);
            }
            ok.body->set("message", result.message);
            if (result.device) ok.body->set("device", device_view(tx, *result.device));
            if (result.lot) ok.body->set("lot", result.lot);
            keep(tx, caller, scan, print, ok, now);
            reply = ok;
        });
        return *reply;
    } catch (const Refused& refused) {   // a service's refusal, by kind
        return remember(app, caller, scan, print, now, api_error_for(refused));
    } catch (const ApiError& error) {     // the body checks (server/http/fields.h)
        return remember(app, caller, scan, print, now, error);
    }
}

}  // namespace bhm::server
