// The repeated steps of the whole-system tests, each one a real request and a REQUIRE on its answer,
// so a failing step names itself and shows the server's reply.
#include "workflow_steps.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>
#include <Poco/UUIDGenerator.h>

#include "shared/barcode/gs1_check_digit.h"

namespace bhm::e2e {
namespace {

std::atomic<int> serial_counter{0};

int gtin_check_digit(const std::string& first13) { return *barcode::gs1_check_digit(first13) - '0'; }

// Mod-11 check digit with the given weights; -1 when the number cannot have one (remainder 1).
int mod11(const std::string& digits, const std::vector<int>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) sum += (digits[i] - '0') * weights[i];
    int k = 11 - sum % 11;
    if (k == 11) return 0;
    return k == 10 ? -1 : k;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string new_scan_id() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

std::string new_serial() {
    return "E2E" + std::to_string(++serial_counter) + "-" + std::to_string(getpid());
}

std::string gs1_device_label(const std::string& gtin, const std::string& serial, const std::string& lot) {
    std::string code = "]d201" + gtin + "21" + serial;
    if (!lot.empty()) code += "\x1d" "10" + lot;
    return code;
}

std::string gtin_with_bad_check_digit(const std::string& gtin) {
    std::string bad = gtin;
    bad.back() = static_cast<char>('0' + (gtin_check_digit(gtin.substr(0, 13)) + 1) % 10);
    return bad;
}

std::string gtin_not_in_catalogue(const ApiClient& client) {
    auto models = client.get("/api/v1/models");
    INFO(models.describe());
    REQUIRE(models.status == 200);
    for (int n = 1; n < 1000; ++n) {
        const std::string number = std::to_string(n);
        const std::string first13 = "0999999" + std::string(6 - number.size(), '0') + number;
        const std::string gtin = first13 + static_cast<char>('0' + gtin_check_digit(first13));
        bool known = false;
        for (const auto& item : *models.array())
            known = known || text_of(item.extract<Poco::JSON::Object::Ptr>(), "gtin") == gtin;
        if (!known) return gtin;
    }
    FAIL("every made-up GTIN is in the catalogue");
    return "";
}

std::string made_up_national_id(int n) {
    const int day = 1 + n % 28, month = 1 + (n / 28) % 12, year = 50 + (n / 336) % 50;   // born 1950-1999
    for (int individual = (n * 7) % 500;; individual = (individual + 1) % 500) {   // 000-499: born 1900-1999
        std::string digits = two(day) + two(month) + two(year);
        std::string ind = std::to_string(individual);
        digits += std::string(3 - ind.size(), '0') + ind;
        int k1 = mod11(digits, {3, 7, 6, 1, 8, 9, 4, 5, 2});
        if (k1 < 0) continue;
        digits += static_cast<char>('0' + k1);
        int k2 = mod11(digits, {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
        if (k2 < 0) continue;
        return digits + static_cast<char>('0' + k2);
    }
}

std::string utc_date(int offset_days) {
    Poco::DateTime now;
    now += Poco::Timespan(offset_days, 0, 0, 0, 0);
    return Poco::DateTimeFormatter::format(now, "%Y-%m-%d");
}

std::string add_days(const std::string& iso_date, int days) {
    int tzd = 0;
    Poco::DateTime date;
    REQUIRE(Poco::DateTimeParser::tryParse("%Y-%m-%d", iso_date.substr(0, 10), date, tzd));
    date += Poco::Timespan(days, 0, 0, 0, 0);
    return Poco::DateTimeFormatter::format(date, "%Y-%m-%d");
}

Poco::JSON::Object::Ptr scan_object(const std::string& id, const std::string& mode, const std::string& code,
                                    const std::string& case_number) {
    Poco::JSON::Object::Ptr scan = new Poco::JSON::Object;
    scan->set("id", id);
    scan->set("mode", mode);
    scan->set("code", code);
    scan->set("station", "e2e-bench");
    if (!case_number.empty()) scan->set("case", case_number);
    return scan;
}

ApiResponse post_scan(const ApiClient& client, const std::string& mode, const std::string& code,
                      const std::string& case_number, const std::string& id) {
    return client.post("/api/v1/scans", scan_object(id, mode, code, case_number));
}

Poco::JSON::Object::Ptr model_of_category(const ApiClient& client, const std::string& category) {
    auto models = client.get("/api/v1/models");
    INFO(models.describe());
    REQUIRE(models.status == 200);
    for (const auto& item : *models.array()) {
        auto model = item.extract<Poco::JSON::Object::Ptr>();
        if (text_of(model, "category") == category) return model;
    }
    FAIL("no demo model in category " << category);
    return nullptr;
}

Poco::JSON::Object::Ptr passing_inspection(const Poco::JSON::Object::Ptr& model) {
    const auto protection = text_of(model, "protection_class");
    const auto applied_part = text_of(model, "applied_part");
    Poco::JSON::Object::Ptr m = new Poco::JSON::Object;
    m->set("visual_ok", true);
    m->set("functional_ok", true);
    m->set("method", "direct");
    if (protection == "I") m->set("protective_earth_ohm", 0.1);              // limit 0.3 Ω
    if (protection != "IP") m->set("equipment_leakage_ua", 40.0);             // Class II direct limit 100 µA
    if (applied_part != "none") m->set("applied_part_leakage_ua", 10.0);      // CF limit 50 µA
    m->set("instrument", e2e_instrument_identity);
    return m;
}

std::string register_e2e_instrument(const ApiClient& technician) {
    auto listed = technician.get("/api/v1/instruments");
    INFO("instruments: " << listed.describe());
    REQUIRE(listed.status == 200);
    for (const auto& item : *listed.array())
        if (text_of(item.extract<Poco::JSON::Object::Ptr>(), "identity") == e2e_instrument_identity)
            return e2e_instrument_identity;
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("identity", e2e_instrument_identity);
    body->set("calibrated_on", utc_date(-60));
    auto registered = technician.post("/api/v1/instruments", body);
    INFO("register instrument: " << registered.describe());
    REQUIRE(registered.status == 201);
    return e2e_instrument_identity;
}

Poco::JSON::Object::Ptr receive_by_scan(const ApiClient& scanner, const Poco::JSON::Object::Ptr& model,
                                        const std::string& serial) {
    auto answer = post_scan(scanner, "receive", gs1_device_label(text_of(model, "gtin"), serial));
    INFO("receive scan: " << answer.describe());
    REQUIRE(answer.status == 200);
    REQUIRE(answer.text("result") == "ok");
    auto device = answer.object()->getObject("device");
    REQUIRE(device);
    REQUIRE(text_of(device, "serial") == serial);
    return device;
}

Poco::JSON::Object::Ptr ready_device(const ApiClient& warehouse, const ApiClient& technician,
                                     const Poco::JSON::Object::Ptr& model) {
    auto device = receive_by_scan(warehouse, model);
    const std::string base = "/api/v1/devices/" + std::to_string(id_of(device));
    auto cleaned = warehouse.post(base + "/cleaning", "");
    INFO("cleaning: " << cleaned.describe());
    REQUIRE(cleaned.status == 200);
    register_e2e_instrument(technician);
    auto inspected = technician.post(base + "/inspections", passing_inspection(model));
    INFO("inspection: " << inspected.describe());
    REQUIRE(inspected.status == 201);
    REQUIRE(inspected.object()->getValue<bool>("passed"));
    auto ready = inspected.object()->getObject("device");
    REQUIRE(text_of(ready, "state") == "available");
    return ready;
}

Poco::JSON::Object::Ptr application_body(const std::string& category, int patient,
                                         const std::string& requester_role) {
    Poco::JSON::Object::Ptr person = new Poco::JSON::Object;
    person->set("national_id", made_up_national_id(patient));
    person->set("name", "E2E Pasient " + std::to_string(patient));
    person->set("address", "Testveien " + std::to_string(patient));
    person->set("municipality", "Tromsø");
    person->set("residence", "home");
    Poco::JSON::Object::Ptr requester = new Poco::JSON::Object;
    requester->set("role", requester_role);
    requester->set("hpr_number", "1234567");
    requester->set("name", "Dr. E2E");
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("patient", person);
    body->set("category", category);
    body->set("requester", requester);
    return body;
}

Poco::JSON::Object::Ptr specialist_application(const ApiClient& caseworker, const std::string& category, int patient) {
    auto body = application_body(category, patient);
    auto answer = caseworker.post("/api/v1/cases", body);
    INFO("application: " << answer.describe());
    REQUIRE(answer.status == 201);
    REQUIRE(text_of(answer.object(), "status") == "applied");
    return answer.object();
}

Poco::JSON::Object::Ptr approved_case(const ApiClient& caseworker, const std::string& category, int patient,
                                      int loan_days) {
    auto created = specialist_application(caseworker, category, patient);
    Poco::JSON::Object::Ptr decision = new Poco::JSON::Object;
    decision->set("approve", true);
    decision->set("grounds", "Obstruktiv søvnapné, dokumentert ved polysomnografi.");
    decision->set("loan_days", loan_days);
    auto answer = caseworker.post("/api/v1/cases/" + std::to_string(id_of(created)) + "/decision", decision);
    INFO("decision: " << answer.describe());
    REQUIRE(answer.status == 200);
    REQUIRE(text_of(answer.object(), "status") == "approved");
    return answer.object();
}

std::set<std::string> reason_codes(const ApiResponse& answer) {
    std::set<std::string> codes;
    REQUIRE(answer.is_object());
    if (auto reasons = answer.object()->getArray("reasons"))
        for (const auto& item : *reasons) codes.insert(text_of(item.extract<Poco::JSON::Object::Ptr>(), "code"));
    else
        codes.insert(answer.text("code"));
    return codes;
}

std::string delivery_body(long long device_id) {
    return R"({"device_id":)" + std::to_string(device_id) +
           R"(,"handover":"shipped","manual_included":true,"training_recorded":true,"trained":"patient","fitted_and_tested":true)";
}

Delivered deliver_cpap(const ApiClient& warehouse, const ApiClient& technician, const ApiClient& caseworker,
                       int patient, int loan_days) {
    auto model = model_of_category(warehouse, "cpap");
    auto device = ready_device(warehouse, technician, model);
    auto c = approved_case(caseworker, "cpap", patient, loan_days);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(c));
    REQUIRE(caseworker.post(case_path + "/journal-note", R"({"hpr_number":"1234567"})").status == 200);
    REQUIRE(caseworker.post(case_path + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                             utc_date(-3) + R"(","document_ref":"EL-1"})").status == 200);
    auto delivered = warehouse.post(case_path + "/deliveries", delivery_body(id_of(device)) + "}");
    INFO(delivered.describe());
    REQUIRE(delivered.status == 201);
    return {device, c, delivered.object(), case_path, "/api/v1/devices/" + std::to_string(id_of(device))};
}

ApiResponse exchange_device(const ApiClient& warehouse, const Delivered& loan, long long replacement_id,
                            const std::string& fault) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("returning_device_id", id_of(loan.device));
    body->set("fault", fault);
    const std::string json = to_json(body);   // {"fault":...,"returning_device_id":...}
    return warehouse.post(loan.case_path + "/exchanges", delivery_body(replacement_id) + "," + json.substr(1));
}

Poco::JSON::Object::Ptr annual_report_row(const ApiClient& manager, int year, const std::string& category) {
    auto answer = manager.get("/api/v1/reports/annual?year=" + std::to_string(year));
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    auto rows = answer.object()->getArray("rows");
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto row = rows->getObject(static_cast<unsigned>(i));
        if (row->getValue<std::string>("category") == category) return row;
    }
    return nullptr;
}

bool has_event(const Poco::JSON::Array::Ptr& events, const std::string& kind) {
    for (std::size_t i = 0; i < events->size(); ++i)
        if (events->getObject(static_cast<unsigned>(i))->getValue<std::string>("kind") == kind) return true;
    return false;
}

void require_problem(const ApiResponse& answer, int status, const std::string& code) {
    INFO(answer.describe());
    CHECK(answer.status == status);
    CHECK(answer.content_type == "application/problem+json");
    REQUIRE(answer.is_object());
    auto problem = answer.object();
    for (const char* field : {"type", "title", "status", "detail", "code"}) {
        INFO("problem field " << field);
        CHECK(problem->has(field));
        CHECK_FALSE(problem->isNull(field));
    }
    CHECK_FALSE(answer.text("detail").empty());
    if (problem->has("status")) CHECK(problem->getValue<int>("status") == answer.status);
    if (!code.empty()) CHECK(answer.text("code") == code);
}

std::vector<Poco::JSON::Object::Ptr> all_devices(const ApiClient& client) {
    std::vector<Poco::JSON::Object::Ptr> devices;
    std::string cursor;
    for (int page = 0; page < 1000; ++page) {
        auto answer = client.get("/api/v1/devices?limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor));
        INFO(answer.describe());
        REQUIRE(answer.status == 200);
        for (const auto& item : *answer.object()->getArray("items"))
            devices.push_back(item.extract<Poco::JSON::Object::Ptr>());
        cursor = answer.text("next_cursor");
        if (cursor.empty()) return devices;
    }
    FAIL("GET /devices kept giving a next_cursor");
    return devices;
}

Poco::JSON::Array::Ptr device_events(const ApiClient& client, long long device_id) {
    auto answer = client.get("/api/v1/devices/" + std::to_string(device_id) + "/history");
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    auto events = answer.object()->getArray("events");
    REQUIRE(events);
    return events;
}

long long id_of(const Poco::JSON::Object::Ptr& object, const std::string& field) {
    REQUIRE(object);
    REQUIRE(object->has(field));
    return object->getValue<Poco::Int64>(field);
}

std::string text_of(const Poco::JSON::Object::Ptr& object, const std::string& field) {
    REQUIRE(object);
    if (!object->has(field) || object->isNull(field)) return "";
    return object->get(field).toString();
}

}  // namespace bhm::e2e
