// The steps the whole-system tests repeat, over the real API: scans with fresh UUIDs, GS1 device
// labels, receiving a device and making it ready (cleaned, inspection passed), an approved case,
// valid national IDs for made-up patients, problem+json checks and device counts.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "api_client.h"

namespace bhm::e2e {

std::string new_scan_id();
// A serial no demo device has: "E2E" + a process-wide counter + the process id.
std::string new_serial();
// "]d201" + GTIN + "21" + serial, then GS (\x1d) + "10" + lot when a lot is given (AI 21 is variable length).
std::string gs1_device_label(const std::string& gtin, const std::string& serial, const std::string& lot = "");
// The same GTIN with its check digit made wrong.
std::string gtin_with_bad_check_digit(const std::string& gtin);
// A GTIN-14 with a valid check digit that no catalogue model has (REQUIRE: GET /models answers).
std::string gtin_not_in_catalogue(const ApiClient& client);
// An 11-digit Norwegian national ID with valid check digits; `n` picks a different one.
std::string made_up_national_id(int n);

// UTC dates as YYYY-MM-DD: today + offset, and a date moved by some days.
std::string utc_date(int offset_days = 0);
std::string add_days(const std::string& iso_date, int days);

// One scan object, and POST /api/v1/scans with it.
Poco::JSON::Object::Ptr scan_object(const std::string& id, const std::string& mode, const std::string& code,
                                    const std::string& case_number = "");
ApiResponse post_scan(const ApiClient& client, const std::string& mode, const std::string& code,
                      const std::string& case_number = "", const std::string& id = new_scan_id());

// The first catalogue model of a category (REQUIRE: there is one).
Poco::JSON::Object::Ptr model_of_category(const ApiClient& client, const std::string& category);
// The calibrated test instrument the e2e inspections name, and registering it in the caller's unit
// (once; returns its identity).
inline const std::string e2e_instrument_identity = "Fluke ESA615 #E2E";
std::string register_e2e_instrument(const ApiClient& technician);
// Inspection measurements that pass IEC 62353 for the model's protection class and applied part, naming
// the e2e instrument (register it first; the tester is the logged-in user).
Poco::JSON::Object::Ptr passing_inspection(const Poco::JSON::Object::Ptr& model);

// Receives a new device by a GS1 receive scan; returns the device view (REQUIRE: ok).
Poco::JSON::Object::Ptr receive_by_scan(const ApiClient& scanner, const Poco::JSON::Object::Ptr& model,
                                        const std::string& serial = new_serial());
// Received, cleaned and inspected: available for a case of the model's category.
Poco::JSON::Object::Ptr ready_device(const ApiClient& warehouse, const ApiClient& technician,
                                     const Poco::JSON::Object::Ptr& model);

// The body of POST /cases for a made-up patient, from a requester role (e.g. specialist_doctor, gp).
Poco::JSON::Object::Ptr application_body(const std::string& category, int patient,
                                         const std::string& requester_role = "specialist_doctor");
// A specialist doctor's application for a made-up patient (the created case; REQUIRE 201).
Poco::JSON::Object::Ptr specialist_application(const ApiClient& caseworker, const std::string& category, int patient);
// An application decided as approved with a loan period (the decided case; REQUIRE 200).
Poco::JSON::Object::Ptr approved_case(const ApiClient& caseworker, const std::string& category, int patient,
                                      int loan_days = 365);

// The body of POST /cases/{id}/deliveries for a device with the whole checklist done, left open (no closing
// brace) so a test can add fields: delivery_body(id) + "}".
std::string delivery_body(long long device_id);
// A ready CPAP delivered to an approved case (journal note and site check recorded) for made-up patient
// `patient`: the device, the case and the loan as answered, and their paths.
struct Delivered {
    Poco::JSON::Object::Ptr device, c, loan;
    std::string case_path, device_path;
};
Delivered deliver_cpap(const ApiClient& warehouse, const ApiClient& technician, const ApiClient& caseworker,
                       int patient, int loan_days = 365);
// The exchange of the loan's device for `replacement_id` (POST /cases/{id}/exchanges; the answer, unchecked).
ApiResponse exchange_device(const ApiClient& warehouse, const Delivered& loan, long long replacement_id,
                            const std::string& fault = "Motor noise");
// The row of `category` in the caller's own unit's annual report for `year` (REQUIRE 200); null when none.
Poco::JSON::Object::Ptr annual_report_row(const ApiClient& manager, int year, const std::string& category);
// Whether a list of events (a trail) holds one of `kind`.
bool has_event(const Poco::JSON::Array::Ptr& events, const std::string& kind);

// REQUIREs an RFC 9457 answer: the status, Content-Type application/problem+json, and the fields
// type, title, status (same as HTTP), detail and code (the expected one, unless empty).
void require_problem(const ApiResponse& answer, int status, const std::string& code = "");
// The codes of a refusal: each of its `reasons`, or its one `code`.
std::set<std::string> reason_codes(const ApiResponse& answer);

// Every device of the caller's unit, through all pages of GET /devices?limit=500.
std::vector<Poco::JSON::Object::Ptr> all_devices(const ApiClient& client);
// GET /devices/{id}/history's events (REQUIRE 200).
Poco::JSON::Array::Ptr device_events(const ApiClient& client, long long device_id);

long long id_of(const Poco::JSON::Object::Ptr& object, const std::string& field = "id");
std::string text_of(const Poco::JSON::Object::Ptr& object, const std::string& field);

}  // namespace bhm::e2e
