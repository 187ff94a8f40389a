// The demo set's writer (see demo_history.h). A rule that refuses a step here is a bug in the demo
// plan, so it throws std::logic_error with the refusal's message and the whole load rolls back.
#include "server/demo/demo_history.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "server/demo/demo_json.h"
#include "shared/barcode/asset_tag.h"
#include "shared/cases/case_flow.h"
#include "shared/inspection/iec62353.h"
#include "shared/loans/delivery.h"
#include "shared/loans/loan.h"
#include "shared/loans/reservation.h"
#include "shared/people/national_id.h"
#include "shared/core/norway_time.h"

namespace bhm::server::demo {

namespace {

void require(const std::optional<Refusal>& refusal, const std::string& step) {
    if (refusal) throw std::logic_error("demo step '" + step + "' refused: " + refusal->message);
}

void require_none(const std::vector<Refusal>& refusals, const std::string& step) {
    if (!refusals.empty()) require(refusals.front(), step);
}

std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

// Plausible readings well inside the IEC 62353 limits for the model's class and applied part.
InspectionMeasurements measurements_for(DemoRandom& random, ProtectionClass protection, AppliedPartType part) {
    InspectionMeasurements m;
    m.visual_ok = true;
    m.functional_ok = true;
    m.method = LeakageMethod::direct;
    if (protection == ProtectionClass::class_i) {
        m.protective_earth_ohm = random.between(4, 22) / 100.0;
        m.equipment_leakage_ua = random.between(40, 220);
        m.insulation_mohm = random.between(50, 400);
        m.insulation_min_mohm = 2.0;
    } else if (protection == ProtectionClass::class_ii) {
        m.equipment_leakage_ua = random.between(4, 45);
    }
    if (part == AppliedPartType::bf) m.applied_part_leakage_ua = random.between(2, 90);
    if (part == AppliedPartType::cf) m.applied_part_leakage_ua = random.between(1, 9);
    return m;
}

std::string details_json(const InspectionMeasurements& m, const InspectionVerdict& verdict, bool electrical) {
    std::string checks = "[";
    for (const LimitCheck& check : verdict.checks) {
        if (checks.size() > 1) checks += ",";
        checks += JsonObject()
                      .add("measurement", check.measurement)
                      .raw("value", number_text(check.value))
                      .raw("limit", number_text(check.limit))
                      .add("unit", check.unit)
                      .add("passed", check.passed)
                      .text();
    }
    checks += "]";
    return JsonObject()
        .add("standard", electrical ? "IEC 62353:2014" : "visual and functional check (no electrical parts)")
        .add("visual_ok", m.visual_ok)
        .add("functional_ok", m.functional_ok)
        .add("method", to_string(m.method))
        .raw("checks", checks)
        .add("passed", verdict.passed)
        .add("demo", true)
        .text();
}

}  // namespace

std::string LoadedUnit::staff(const std::string& role) const {
    if (first) return role;
    if (second && role == "warehouse") return "warehouse2";
    std::string code = unit.code;
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::tolower(c); });
    return role + "." + code;
}

DemoHistory::DemoHistory(db::Transaction& tx, DemoRandom& random, Timestamp now)
    : tx_(tx), random_(random), now_(now), categories_(tx.categories()) {}

Timestamp DemoHistory::day(int days_ago, int hour) const {
    const Timestamp planned{start_of(add_days(today(), -days_ago)).unix_seconds + hour * 3600};
    const Timestamp latest{now_.unix_seconds - (24 - hour) * 300};  // keeps the hours' order when clamped
    return std::min(planned, latest);
}

const db::Category& DemoHistory::category(const std::string& code) {
    for (const auto& category : categories_)
        if (category.code == code) return category;
    throw std::logic_error("the demo uses an unknown category " + code);
}

void DemoHistory::event(const LoadedUnit& unit, const std::string& kind, std::optional<db::Id> device_id,
                        std::optional<db::Id> case_id, const std::string& before, const std::string& after,
                        const std::string& actor, const std::string& data_json, Timestamp at) {
    tx_.append_event({0, unit.unit.id, device_id, case_id, at, actor, "", "", kind, before, after, data_json});
}

void DemoHistory::move(const LoadedUnit& unit, db::Device& device, DeviceAction action, const std::string& actor,
                       std::optional<db::Id> case_id, const std::string& data_json, Timestamp at) {
    const DeviceStatus before = device.status;
    const Transition transition = bhm::apply(before, action);
    require(transition.refusal, to_string(action));
    device.status = *transition.next;
    tx_.update_device(device);
    event(unit, to_string(action), device.id, case_id, to_string(before.state), to_string(device.status.state),
          actor, data_json, at);
}

db::Device DemoHistory::receive(const LoadedUnit& unit, const db::Model& model, Timestamp at) {
    db::Device device;
    device.unit_id = unit.unit.id;
    device.model_id = model.id;
    device.asset_tag = barcode::make_asset_tag(tx_.next_asset_number());
    std::string serial = std::to_string(++devices_);
    device.serial = model.manufacturer.substr(0, 3) + std::to_string(local_date(at).year % 100) + "-" +
                    std::string(6 - std::min<std::size_t>(6, serial.size()), '0') + serial;
    std::transform(device.serial.begin(), device.serial.end(), device.serial.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    device.warehouse_id = unit.warehouse;
    device.location_id = random_.pick(unit.shelves);
    device.received_at = at;
    device.id = tx_.insert_device(device);
    event(unit, "received", device.id, std::nullopt, "", to_string(device.status.state), unit.staff("warehouse"),
          JsonObject().add("asset_tag", device.asset_tag).add("model_id", model.id).add("demo", true).text(), at);
    return device;
}

void DemoHistory::clean_and_inspect(const LoadedUnit& unit, db::Device& device, const db::Model& model, Timestamp at) {
    move(unit, device, DeviceAction::record_cleaning, unit.staff("warehouse"), std::nullopt,
         JsonObject().add("demo", true).text(), at);
    const db::Category& rules = category(model.category);
    const ProtectionClass protection = *parse_protection_class(model.protection_class);
    const AppliedPartType part = *parse_applied_part_type(model.applied_part);
    const InspectionMeasurements m = measurements_for(random_, protection, part);
    require(check_measurements_complete(m, protection, part), "inspection measurements");
    const InspectionVerdict verdict = evaluate_inspection(m, protection, part);
    if (!verdict.passed) throw std::logic_error("a demo inspection failed its own limits");

    const Timestamp inspected_at{at.unix_seconds + 2 * 3600};
    std::optional<Date> next_due;
    if (rules.electrical && rules.inspection_interval_months > 0)
        next_due = next_inspection_due(local_date(inspected_at), rules.inspection_interval_months);
    device.inspection_due = next_due;
    move(unit, device, DeviceAction::pass_inspection, unit.staff("technician"), std::nullopt,
         JsonObject().add("passed", true).add("demo", true).text(), inspected_at);
    db::Inspection inspection;
    inspection.device_id = device.id;
    inspection.inspected_at = inspected_at;
    inspection.passed = true;
    inspection.method = to_string(m.method);
    inspection.tester = unit.staff("technician");
    inspection.instrument = random_.percent(60) ? "Fluke ESA615 (SN 4123001)" : "Rigel 288+ (SN 28817)";
    inspection.instrument_calibrated_on = add_days(local_date(inspected_at), -random_.between(10, 300));
    inspection.next_due = next_due;
    inspection.details_json = details_json(m, verdict, rules.electrical);
    tx_.insert_inspection(inspection);
}

void DemoHistory::reserve(const LoadedUnit& unit, db::Device& device, const db::Case& c, Timestamp at) {
    const db::Model model = *tx_.model(device.model_id);
    const db::Category& rules = category(c.category);
    DeliveryCheck check{c.status, c.journal_written_at.has_value(), device.status.state, false, model.category,
                        c.category, category(model.category).electrical, device.inspection_due,
                        device.status.inspected && !device.status.inspection_failed, rules.site_check_required,
                        !tx_.site_checks(c.id).empty(), true, true, true, "", local_date(at)};
    require_none(check_reservation(check), "reserve");
    device.reserved_case_id = c.id;
    move(unit, device, DeviceAction::reserve, unit.staff("warehouse"), c.id,
         JsonObject().add("case_number", c.number).add("demo", true).text(), at);
}

db::Loan DemoHistory::deliver(const LoadedUnit& unit, db::Device& device, db::Case& c, Timestamp at) {
    const db::Model model = *tx_.model(device.model_id);
    const db::Category& rules = category(c.category);
    DeliveryCheck check{c.status, c.journal_written_at.has_value(), device.status.state,
                        device.reserved_case_id == c.id, model.category, c.category,
                        category(model.category).electrical, device.inspection_due,
                        device.status.inspected && !device.status.inspection_failed, rules.site_check_required,
                        !tx_.site_checks(c.id).empty(), true, true, true, "", local_date(at)};
    require_none(check_delivery(check), "deliver");
    require(check_case_delivery(c.status), "case delivery");
    const db::Patient patient = *tx_.patient(c.patient_id);

    db::Loan loan;
    loan.unit_id = c.unit_id;
    loan.case_id = c.id;
    loan.device_id = device.id;
    loan.delivered_at = at;
    loan.due_on = loan_due(local_date(at), c.loan_days);
    loan.handover = c.inpatient ? "discharge" : "shipped";
    loan.manual_included = true;
    loan.training_recorded = true;
    loan.fitted_and_tested = true;
    loan.trained_who = patient.residence == "institution" ? "patient and nursing-home staff"
                                                          : (random_.percent(50) ? "patient and relatives" : "patient");
    loan.delivered_by = unit.staff("warehouse");
    loan.id = tx_.insert_loan(loan);

    device.reserved_case_id.reset();
    const std::string data = JsonObject()
                                 .add("loan_id", loan.id)
                                 .add("case_number", c.number)
                                 .add("handover", loan.handover)
                                 .add("due_on", to_iso(loan.due_on))
                                 .add("demo", true)
                                 .text();
    move(unit, device, DeviceAction::deliver, unit.staff("warehouse"), c.id, data, at);
    const CaseStatus before = c.status;
    c.status = CaseStatus::delivered;
    c.delivered_at = at;
    tx_.update_case(c);
    event(unit, "case_delivered", device.id, c.id, to_string(before), to_string(c.status), unit.staff("warehouse"),
          data, at);
    return loan;
}

void DemoHistory::take_return(const LoadedUnit& unit, db::Device& device, db::Loan& loan, db::Case& c, Timestamp at) {
    loan.returned_at = at;
    tx_.update_loan(loan);
    const std::string data = JsonObject()
                                 .add("loan_id", loan.id)
                                 .add("loan_days", days_between(local_date(loan.delivered_at), local_date(at)))
                                 .add("demo", true)
                                 .text();
    move(unit, device, DeviceAction::take_return, unit.staff("warehouse"), c.id, data, at);
    require(check_case_close(c.status), "close case");
    const CaseStatus before = c.status;
    c.status = CaseStatus::closed;
    tx_.update_case(c);
    event(unit, "case_closed", device.id, c.id, to_string(before), to_string(c.status), unit.staff("warehouse"), data,
          at);
}

void DemoHistory::open_service(const LoadedUnit& unit, db::Device& device, const std::string& fault, Timestamp at) {
    db::ServiceOrder order{0, device.id, unit.unit.id, at, unit.staff("technician"), fault, "", "", {}, ""};
    order.id = tx_.insert_service_order(order);
    move(unit, device, DeviceAction::open_service, unit.staff("technician"), std::nullopt,
         JsonObject().add("service_order_id", order.id).add("fault", fault).add("demo", true).text(), at);
}

void DemoHistory::retire(const LoadedUnit& unit, db::Device& device, const std::string& reason, Timestamp at) {
    move(unit, device, DeviceAction::retire, unit.staff("manager"), std::nullopt,
         JsonObject().add("reason", reason).add("demo", true).text(), at);
}

void DemoHistory::report_lost(const LoadedUnit& unit, db::Device& device, const std::string& reason, Timestamp at) {
    move(unit, device, DeviceAction::report_lost, unit.staff("warehouse"), std::nullopt,
         JsonObject().add("reason", reason).add("demo", true).text(), at);
}

db::Id DemoHistory::new_patient(const LoadedUnit& unit, Timestamp at) {
    const bool institution = random_.percent(20);
    const PatientDraft draft = make_patient(random_, national_ids_, random_.pick(unit.plan->municipalities),
                                           random_.pick(unit.plan->institutions), institution);
    require(check_national_id(draft.national_id), "patient national ID");
    db::Patient patient{0, unit.unit.id, draft.national_id, draft.name, draft.address, draft.municipality,
                        draft.residence};
    patient.id = tx_.insert_patient(patient);
    ++patients_;
    // Like the services: the event names the patient by id only, never by name or national ID.
    event(unit, "patient_registered", std::nullopt, std::nullopt, "", "", unit.staff("caseworker"),
          JsonObject().add("patient_id", patient.id).add("demo", true).text(), at);
    return patient.id;
}

db::Case DemoHistory::apply(const LoadedUnit& unit, db::Id patient_id, const std::string& category_code,
                            const Application& application, Timestamp at) {
    require(check_hpr_number(application.hpr), "requester HPR number");
    db::Case c;
    c.unit_id = unit.unit.id;
    c.number = tx_.next_case_number(unit.unit.code, local_date(at).year);
    c.patient_id = patient_id;
    c.category = category(category_code).code;
    c.inpatient = application.inpatient;
    c.palliative = application.palliative;
    c.nebulizer_criteria_met = application.nebulizer_criteria_met;
    c.lymphoedema = application.lymphoedema;
    c.requester_role = application.role;
    c.requester_hpr = application.hpr;
    c.requester_name = application.name;
    c.status = CaseStatus::applied;
    c.applied_at = at;
    c.id = tx_.insert_case(c);
    ++cases_;
    event(unit, "case_applied", std::nullopt, c.id, "", to_string(c.status), unit.staff("caseworker"),
          JsonObject()
              .add("number", c.number)
              .add("category", c.category)
              .add("requester_role", c.requester_role)
              .add("demo", true)
              .text(),
          at);
    return c;
}

void DemoHistory::save_case(const LoadedUnit& unit, db::Case& c, const std::string& kind, CaseStatus before,
                            const std::string& actor, const std::string& data_json, Timestamp at) {
    tx_.update_case(c);
    event(unit, kind, std::nullopt, c.id, to_string(before), to_string(c.status), actor, data_json, at);
}

void DemoHistory::decide(const LoadedUnit& unit, db::Case& c, bool approve, const std::string& grounds, Timestamp at) {
    const std::string caseworker = unit.staff("caseworker");
    const int loan_days = category(c.category).default_loan_days;
    require(check_decision(c.status, DecisionInput{approve, grounds, caseworker, loan_days, local_date(at)}), "decide");
    const CaseStatus before = c.status;
    c.status = approve ? CaseStatus::approved : CaseStatus::rejected;
    c.approved = approve;
    c.grounds = grounds;
    c.decided_by = caseworker;
    c.decided_at = at;
    c.loan_days = approve ? loan_days : 0;
    c.complaint_deadline = complaint_right(local_date(at)).deadline;
    save_case(unit, c, approve ? "case_approved" : "case_rejected", before, caseworker,
              JsonObject()
                  .add("approved", approve)
                  .add("loan_days", c.loan_days)
                  .add("complaint_deadline", to_iso(*c.complaint_deadline))
                  .add("demo", true)
                  .text(),
              at);
}

void DemoHistory::journal_note(const LoadedUnit& unit, db::Case& c, Timestamp at) {
    const JournalNote note{specialist(random_).hpr, at};
    require(check_journal_note(note, now_), "journal note");
    c.journal_hpr = note.hpr_number;
    c.journal_written_at = note.written_at;
    save_case(unit, c, "journal_note", c.status, unit.staff("caseworker"),
              JsonObject().add("hpr_number", note.hpr_number).add("written_at", to_iso(at)).add("demo", true).text(),
              at);
}

void DemoHistory::site_check_if_required(const LoadedUnit& unit, const db::Case& c, Timestamp at) {
    if (!category(c.category).site_check_required) return;
    const SiteCheck check{random_.percent(50) ? "Demo Elektro AS (autorisert installatør)" : "Kommunens el-tilsyn (demo)",
                          add_days(local_date(at), -random_.between(1, 10)),
                          "EL-" + std::to_string(local_date(at).year) + "-" + std::to_string(random_.between(1000, 9999))};
    require(check_site_check(check, local_date(at)), "site check");
    db::SiteCheckRecord record{0, c.id, check.documented_by, check.checked_on, check.document_ref, at,
                               unit.staff("caseworker")};
    tx_.insert_site_check(record);
    event(unit, "site_check", std::nullopt, c.id, to_string(c.status), to_string(c.status), unit.staff("caseworker"),
          JsonObject()
              .add("documented_by", check.documented_by)
              .add("checked_on", to_iso(check.checked_on))
              .add("document_ref", check.document_ref)
              .add("demo", true)
              .text(),
          at);
}

void DemoHistory::own_equipment(const LoadedUnit& unit, db::Case& c, const std::string& note, Timestamp at) {
    c.own_equipment = true;
    c.own_equipment_note = note;
    save_case(unit, c, "own_equipment", c.status, unit.staff("caseworker"),
              JsonObject().add("note", note).add("demo", true).text(), at);
}

}  // namespace bhm::server::demo
