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

// Malformed, not allowed and id clashes are answered but not kept.
std::optional<ApiError> keepable(const ApiError& error) {
    if (error.status == 400 || error.status == 403) return std::nullopt;
    if (error.refusal.code == "scan_id_taken" || error.refusal.code == "scan_id_reused") return std::nullopt;
    return error;
}

void keep(db::Transaction& tx, const Caller& caller, const ScanCommand& scan, const std::string& print,
          const ScanReply& reply, Timestamp now) {
    tx.insert_scan_answer(db::ScanAnswer{scan.id, caller.unit_id, scan.station, reply.status,
                                         json_text(*reply.body), now, print});
}

// The command of one scan, as one write: a replay is answered from the kept answer; otherwise the
// mode's command runs and its answer is kept with it. Sets `reply` when it succeeds.
std::function<void(db::Transaction&)> command_of(const Caller& caller, const ScanCommand& scan, const std::string& print,
                                                 Timestamp now, std::optional<ScanReply>& reply) {
    return [&caller, &scan, &print, now, &reply](db::Transaction& tx) {
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
    };
}

// The refusal a failed command gets, or nullopt when the failure is not a refusal to keep (a
// malformed scan, one not allowed, an id clash, or an internal error: those are answered, not kept).
std::optional<ApiError> refusal_to_keep(std::exception_ptr failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const Refused& refused) {   // a service's refusal, by kind
        return keepable(api_error_for(refused));
    } catch (const ApiError& error) {     // the body checks (server/http/fields.h)
        return keepable(error);
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

std::vector<ScanOutcome> handle_scans(App& app, const Caller& caller, const std::vector<ScanCommand>& scans) {
    const Timestamp now = app.clock.now();
    const std::size_t n = scans.size();
    std::vector<std::string> prints;   // once per scan: the replay check and the kept answer
    for (const auto& scan : scans) prints.push_back(fingerprint(scan));

    // First every command, together; then the refusals to keep, together, each in its own write so
    // that a resend gets the same answer (and an earlier answer to the same id wins).
    std::vector<std::optional<ScanReply>> replies(n);
    std::vector<std::function<void(db::Transaction&)>> commands;
    for (std::size_t i = 0; i < n; ++i) commands.push_back(command_of(caller, scans[i], prints[i], now, replies[i]));
    const auto failures = app.store.write_each(commands);

    std::vector<ScanOutcome> outcomes(n);
    std::vector<std::size_t> refused;
    std::vector<std::function<void(db::Transaction&)>> keeps;
    for (std::size_t i = 0; i < n; ++i) {
        if (!failures[i]) {
            outcomes[i].reply = *replies[i];
            continue;
        }
        auto error = refusal_to_keep(failures[i]);
        if (!error) {
            outcomes[i].failure = failures[i];
            continue;
        }
        replies[i] = ScanReply{error->status, refusal_body(*error, scans[i])};
        refused.push_back(i);
        keeps.push_back([&, i](db::Transaction& tx) {
            if (auto earlier = replay(tx, caller, scans[i], prints[i])) {
                replies[i] = *earlier;
                return;
            }
            keep(tx, caller, scans[i], prints[i], *replies[i], now);
        });
    }
    const auto kept = app.store.write_each(keeps);
    for (std::size_t k = 0; k < refused.size(); ++k) {
        const std::size_t i = refused[k];
        if (kept[k]) outcomes[i].failure = kept[k];
        else outcomes[i].reply = *replies[i];
    }
    return outcomes;
}

ScanReply handle_scan(App& app, const Caller& caller, const ScanCommand& scan) {
    auto outcome = handle_scans(app, caller, {scan}).front();
    if (outcome.failure) std::rethrow_exception(outcome.failure);
    return outcome.reply;
}

}  // namespace bhm::server
