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

TEST_CASE("log values escape control characters, spaces and quotes") {
    CHECK(log_safe("/api/v1/x\nforged line") == "/api/v1/x%0Aforged%20line");
    CHECK(log_safe("a\"b") == "a%22b");
    CHECK(log_safe("") == "-");
}
