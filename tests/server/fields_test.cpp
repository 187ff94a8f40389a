// Body fields are read with their type and size checked, and every failure names the field.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>

#include "server/http/exchange.h"
#include "server/http/fields.h"
#include "server/http/problem.h"

using namespace bhm::server;

namespace {
Poco::JSON::Object::Ptr parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}
std::string failure(const std::function<void()>& read) {
    try {
        read();
    } catch (const ApiError& e) {
        CHECK(e.status == 400);
        return e.refusal.message;
    }
    return "";
}
}  // namespace

TEST_CASE("a wrong-typed field is refused with its name") {
    auto body = parse(R"({"serial": 5, "count": "7", "ok": "yes", "on": "2026-13-01"})");
    CHECK(failure([&] { required_string(body, "serial"); }).find("'serial'") != std::string::npos);
    CHECK(failure([&] { required_int(body, "count"); }).find("'count'") != std::string::npos);
    CHECK(failure([&] { required_bool(body, "ok"); }).find("'ok'") != std::string::npos);
    CHECK(failure([&] { required_date(body, "on"); }).find("'on'") != std::string::npos);
}

TEST_CASE("a missing or over-long field is refused") {
    auto body = parse(R"({"name": "abcdef"})");
    CHECK(failure([&] { required_string(body, "other"); }).find("required") != std::string::npos);
    CHECK(failure([&] { required_string(body, "name", 3); }).find("at most 3") != std::string::npos);
    CHECK(required_string(body, "name", 6) == "abcdef");
}

TEST_CASE("a body that is not a JSON object is a bad request") {
    Request request;
    request.body = "[1,2]";
    CHECK_THROWS_AS(request.json(), ApiError);
    request.body = "{\"a\":";
    CHECK_THROWS_AS(request.json(), ApiError);
    request.body = "";
    CHECK_THROWS_AS(request.json(), ApiError);
    request.body = "{\"a\":1}";
    CHECK(request.json()->has("a"));
}

TEST_CASE("query numbers outside their range are refused") {
    CHECK(query_int(std::nullopt, "limit", 100, 1, 500) == 100);
    CHECK(query_int(std::string("20"), "limit", 100, 1, 500) == 20);
    CHECK_THROWS_AS(query_int(std::string("0"), "limit", 100, 1, 500), ApiError);
    CHECK_THROWS_AS(query_int(std::string("9x"), "limit", 100, 1, 500), ApiError);
}

TEST_CASE("a problem body carries type, title, status, detail, code and rule") {
    ApiError error(422, bhm::Refusal{"site_check_missing", "No site documentation.", "FOR-2013-11-29-1373 § 9"});
    auto body = problem_body(error);
    CHECK(body->getValue<std::string>("type") == "/api/v1/problems/site_check_missing");
    CHECK(body->getValue<int>("status") == 422);
    CHECK(body->getValue<std::string>("detail") == "No site documentation.");
    CHECK(body->getValue<std::string>("code") == "site_check_missing");
    CHECK(body->getValue<std::string>("rule") == "FOR-2013-11-29-1373 § 9");
}
