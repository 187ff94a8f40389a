// Patient data stays where it belongs (ARCHITECTURE.md, logging): the server's log lines never hold a
// patient's name or national ID, and answers that carry them are marked not to be cached.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("the server log never names a patient or their national ID, and patient answers are not cached",
          "[e2e][privacy]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto created = specialist_application(caseworker, "cpap", 31);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(created));
    auto patient = created->getObject("patient");
    REQUIRE(patient);
    const std::string national_id = text_of(patient, "national_id");
    const std::string name = text_of(patient, "name");

    // Touch the patient in several ways: read, list, decide, and a refused application naming them again.
    auto read = caseworker.get(case_path);
    REQUIRE(read.status == 200);
    REQUIRE(read.body.find(national_id) != std::string::npos);   // the answer does carry it...
    REQUIRE(read.headers.count("Cache-Control") == 1);
    CHECK(read.headers.at("Cache-Control").find("no-store") != std::string::npos);   // ...so it is not cached
    REQUIRE(caseworker.get("/api/v1/cases?limit=500").status == 200);
    REQUIRE(caseworker.post(case_path + "/decision", R"({"approve":false,"grounds":"Vilkårene er ikke oppfylt."})")
                .status == 200);
    auto gp = caseworker.post("/api/v1/cases", application_body("cpap", 31, "gp"));
    REQUIRE(gp.status == 422);

    const std::string log = server.log_tail(std::string::npos);
    REQUIRE(log.find("/api/v1/cases") != std::string::npos);   // the requests were logged at all
    CHECK(log.find(national_id) == std::string::npos);
    CHECK(log.find(name) == std::string::npos);
    CHECK(server.printed().find(national_id) == std::string::npos);
}
