// Whatever a command throws becomes one clear problem: refusals as given, lost races and taken
// keys as conflicts, malformed input as 400, and anything unexpected as a 500 that hides details.
#include <catch2/catch.hpp>

#include <Poco/Exception.h>

#include "db/store.h"
#include "server/http/error_mapping.h"

using namespace bhm;
using namespace bhm::server;

namespace {
template <class E>
ApiError mapped(E error) {
    try {
        throw error;
    } catch (...) {
        return api_error_for(std::current_exception(), "test");
    }
}
}  // namespace

TEST_CASE("a thrown refusal, race, taken key, syntax error or failure maps to its problem status") {
    CHECK(mapped(ApiError(422, Refusal{"site_check_missing", "x", "FOR"})).refusal.code == "site_check_missing");
    CHECK(mapped(db::StaleWrite("stale")).status == 409);
    auto duplicate = mapped(db::DuplicateKey("devices.asset_tag"));
    CHECK(duplicate.status == 409);
    CHECK(duplicate.refusal.message == "devices.asset_tag");
    CHECK(mapped(Poco::SyntaxException("bad")).status == 400);
    auto failure = mapped(std::runtime_error("sqlite says: disk I/O error at /var/secret"));
    CHECK(failure.status == 500);
    CHECK(failure.refusal.message.find("secret") == std::string::npos);
}

TEST_CASE("a service's refusal maps by its kind to one status, with its code, rule and every reason") {
    const Refusal why{"site_check_missing", "No site documentation.", "FOR-2013-11-29-1373 § 9"};
    CHECK(mapped(Refused(RefusalKind::refused, why)).status == 422);
    CHECK(mapped(Refused(RefusalKind::conflict, why)).status == 409);
    CHECK(mapped(Refused(RefusalKind::not_found, why)).status == 404);
    CHECK(mapped(Refused(RefusalKind::bad_input, why)).status == 400);
    CHECK(mapped(Refused(RefusalKind::forbidden, why)).status == 403);
    CHECK(mapped(Refused(RefusalKind::too_large, why)).status == 413);
    const Refusal other{"journal_note_missing", "No journal note.", ""};
    auto both = mapped(Refused(RefusalKind::refused, why, {why, other}));
    CHECK(both.refusal.code == "site_check_missing");
    CHECK(both.refusal.rule == "FOR-2013-11-29-1373 § 9");
    REQUIRE(both.all.size() == 2);
    CHECK(both.all[1].code == "journal_note_missing");
    try {
        not_found("Device 7");
    } catch (const Refused& e) {
        CHECK(e.kind == RefusalKind::not_found);
        CHECK(e.refusal.message == "Device 7 was not found in your unit.");
    }
}

TEST_CASE("log values escape control characters, spaces and quotes") {
    CHECK(log_safe("/api/v1/x\nforged line") == "/api/v1/x%0Aforged%20line");
    CHECK(log_safe("a\"b") == "a%22b");
    CHECK(log_safe("") == "-");
}
