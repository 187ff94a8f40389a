// The route table matches methods and path patterns and refuses the rest clearly.
#include <catch2/catch.hpp>

#include "server/http/problem.h"
#include "server/http/router.h"

using namespace bhm::server;

namespace {
Router sample() {
    Router router;
    auto ok = [](Request&) { return Response{}; };
    router.add({"GET", "/api/v1/loans/overdue", Access::user, {}, "", "", ok});
    router.add({"GET", "/api/v1/loans/{id}", Access::user, {}, "", "", ok});
    router.add({"POST", "/api/v1/devices/{id}/cleaning", Access::user, {}, "", "", ok});
    router.add({"GET", "/api/v1/devices/{id}/label.png", Access::user, {}, "", "", ok});
    return router;
}
int status_of(const Router& router, const std::string& method, const std::string& path) {
    std::map<std::string, std::string> params;
    try {
        router.match(method, path, params);
        return 200;
    } catch (const ApiError& e) {
        return e.status;
    }
}
}  // namespace

TEST_CASE("a path parameter is captured from its segment") {
    auto router = sample();
    std::map<std::string, std::string> params;
    const auto& route = router.match("POST", "/api/v1/devices/42/cleaning", params);
    CHECK(route.pattern == "/api/v1/devices/{id}/cleaning");
    CHECK(params["id"] == "42");
}

TEST_CASE("a literal route wins over a parameter route registered after it") {
    auto router = sample();
    std::map<std::string, std::string> params;
    CHECK(router.match("GET", "/api/v1/loans/overdue", params).pattern == "/api/v1/loans/overdue");
    CHECK(params.empty());
}

TEST_CASE("an unknown path is 404 and a known path with the wrong method is 405") {
    auto router = sample();
    CHECK(status_of(router, "GET", "/api/v1/nothing") == 404);
    CHECK(status_of(router, "DELETE", "/api/v1/devices/1/cleaning") == 405);
    CHECK(status_of(router, "GET", "/api/v1/devices/1/label.png") == 200);
    CHECK(status_of(router, "GET", "/api/v1/devices/1/label.gif") == 404);
}

TEST_CASE("an id that is not a positive whole number is not found") {
    Request request;
    request.params["id"] = "12x";
    CHECK_THROWS_AS(request.id_param(), ApiError);
    request.params["id"] = "-3";
    CHECK_THROWS_AS(request.id_param(), ApiError);
    request.params["id"] = "12";
    CHECK(request.id_param() == 12);
}
