// The demo set's writer (see demo_history.h): picks the plausible details of each step (serials,
// readings within limits, trainees, documents) and hands them to the services as a past command.
#include "server/demo/demo_history.h"

#include <algorithm>

#include <Poco/JSON/Object.h>

#include "server/services/cases.h"
#include "server/services/inspection.h"
#include "server/services/instruments.h"
#include "server/services/loans.h"
#include "server/services/receiving.h"
#include "server/views/views.h"
#include "shared/inspection/iec62353.h"

namespace bhm::server::demo {

namespace {

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

std::string reason_json(const std::string& reason) {
    Poco::JSON::Object data;
    data.set("reason", reason);
    return json_text(data);
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
    : tx_(tx), random_(random), now_(now) {}

Timestamp DemoHistory::day(int days_ago, int hour) const {
    const Timestamp planned{start_of(add_days(today(), -days_ago)).unix_seconds + hour * 3600};
    const Timestamp latest{now_.unix_seconds - (24 - hour) * 300};  // keeps the hours' order when clamped
    return std::min(planned, latest);
}

Actor DemoHistory::actor(const LoadedUnit& unit, const std::string& role, Timestamp at) {
    const std::string name = unit.staff(role);
    auto known = user_ids_.find(name);
    if (known == user_ids_.end()) {
        const auto user = tx_.user_by_name(name);
        known = user_ids_.emplace(name, user ? user->id : 0).first;
    }
    Caller caller{Caller::Kind::user, known->second, unit.unit.id, unit.unit.region_id, name, role, ""};
    return Actor(std::move(caller), at);
}

db::Id DemoHistory::receive(const LoadedUnit& unit, const db::Model& model, Timestamp at) {
    ReceiveCommand command;
    command.model_id = model.id;
    const std::string number = std::to_string(++serials_);
    command.serial = model.manufacturer.substr(0, 3) + std::to_string(local_date(at).year % 100) + "-" +
                     std::string(6 - std::min<std::size_t>(6, number.size()), '0') + number;
    std::transform(command.serial.begin(), command.serial.end(), command.serial.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    command.location_id = random_.pick(unit.shelves);
    return receive_device(tx_, actor(unit, "warehouse", at), command).device.id;
}

void DemoHistory::clean_and_inspect(const LoadedUnit& unit, db::Id device, const db::Model& model, Timestamp at) {
    record_cleaning(tx_, actor(unit, "warehouse", at), device);
    const Timestamp inspected_at = std::min(Timestamp{at.unix_seconds + 2 * 3600}, now_);
    InspectionCommand command;
    command.measurements = measurements_for(random_, *parse_protection_class(model.protection_class),
                                            *parse_applied_part_type(model.applied_part));
    command.instrument = random_.percent(60) ? "Fluke ESA615 (SN 4123001)" : "Rigel 288+ (SN 28817)";
    const Actor technician = actor(unit, "technician", inspected_at);
    calibrated(technician, command.instrument, local_date(inspected_at));
    const InspectionOutcome outcome = record_inspection(tx_, technician, device, command);
    if (!outcome.verdict.passed) throw std::logic_error("a demo inspection failed its own limits");
}

// The history runs at past times, so the register is kept as it would have stood then: the instrument
// is registered on first use and recalibrated whenever its calibration would not cover the test day.
void DemoHistory::calibrated(const Actor& technician, const std::string& identity, Date test_day) {
    auto known = instrument_named(tx_, technician, identity);
    const Date calibrated_on = add_days(test_day, -random_.between(10, 300));
    if (!known) {
        register_instrument(tx_, technician, InstrumentCommand{identity, calibrated_on, std::nullopt});
        return;
    }
    if (check_inspection_instrument(known, identity, test_day)) {
        auto record = tx_.test_instrument(technician.caller.unit_id, identity);
        record_calibration(tx_, technician, record->id, calibrated_on, std::nullopt);
    }
}

void DemoHistory::reserve(const LoadedUnit& unit, db::Id device, db::Id case_id, Timestamp at) {
    reserve_for_case(tx_, actor(unit, "warehouse", at), case_id, device);
}

void DemoHistory::deliver(const LoadedUnit& unit, db::Id device, db::Id case_id, Timestamp at) {
    const db::Case c = *tx_.case_by_id(case_id);
    const db::Patient patient = *tx_.patient(c.patient_id);
    DeliveryCommand command;
    command.device_id = device;
    command.handover = c.inpatient ? "discharge" : "shipped";
    command.manual_included = true;
    command.training_recorded = true;
    command.fitted_and_tested = true;
    command.trained_who = patient.residence == "institution"
                              ? "patient and nursing-home staff"
                              : (random_.percent(50) ? "patient and relatives" : "patient");
    server::deliver(tx_, actor(unit, "warehouse", at), case_id, command, default_site_check_max_years);
}

void DemoHistory::take_return(const LoadedUnit& unit, db::Id device, Timestamp at) {
    return_device(tx_, actor(unit, "warehouse", at), device);
}

void DemoHistory::open_service(const LoadedUnit& unit, db::Id device, const std::string& fault,
                               const std::string& work, Timestamp at) {
    const Actor technician = actor(unit, "technician", at);
    const db::ServiceOrder order = open_service_order(tx_, technician, device, fault);
    add_service_work(tx_, technician, order.id, work, "");
}

void DemoHistory::retire(const LoadedUnit& unit, db::Id device, const std::string& reason, Timestamp at) {
    const Actor manager = actor(unit, "manager", at);
    db::Device record = own_device(tx_, manager, device);
    move_device(tx_, manager, record, DeviceAction::retire, std::nullopt, reason_json(reason));
}

void DemoHistory::report_lost(const LoadedUnit& unit, db::Id device, const std::string& reason, Timestamp at) {
    const Actor warehouse = actor(unit, "warehouse", at);
    db::Device record = own_device(tx_, warehouse, device);
    move_device(tx_, warehouse, record, DeviceAction::report_lost, std::nullopt, reason_json(reason));
}

PatientDraft DemoHistory::new_patient(const LoadedUnit& unit) {
    const bool institution = random_.percent(20);
    return make_patient(random_, national_ids_, random_.pick(unit.plan->municipalities),
                        random_.pick(unit.plan->institutions), institution);
}

db::Id DemoHistory::apply(const LoadedUnit& unit, const PatientDraft& patient, const std::string& category,
                          const Application& application, Timestamp at) {
    CaseCommand command;
    command.patient = {patient.national_id, patient.name, patient.address, patient.municipality, patient.residence};
    command.category = category;
    command.inpatient = application.inpatient;
    command.palliative = application.palliative;
    command.nebulizer_criteria_met = application.nebulizer_criteria_met;
    command.lymphoedema = *parse_lymphoedema(application.lymphoedema);
    command.requester_role = *parse_requester_role(application.role);
    command.requester_hpr = application.hpr;
    command.requester_name = application.name;
    const db::Case c = create_case(tx_, actor(unit, "caseworker", at), command);
    ++patients_;  // every drafted national ID is new, so each case registers its patient
    return c.id;
}

void DemoHistory::decide(const LoadedUnit& unit, db::Id case_id, bool approve, const std::string& grounds,
                         Timestamp at) {
    decide_case(tx_, actor(unit, "caseworker", at), case_id, DecisionCommand{approve, grounds, std::nullopt});
}

void DemoHistory::journal_note(const LoadedUnit& unit, db::Id case_id, Timestamp at) {
    record_journal_note(tx_, actor(unit, "caseworker", at), case_id, JournalNote{specialist(random_).hpr, at});
}

void DemoHistory::site_check_if_required(const LoadedUnit& unit, db::Id case_id, Timestamp at) {
    const db::Case c = *tx_.case_by_id(case_id);
    if (!tx_.category(c.category)->site_check_required) return;
    SiteCheckCommand command;
    command.check = SiteCheck{random_.percent(50) ? "Demo Elektro AS (autorisert installatør)" : "Kommunens el-tilsyn (demo)",
                              add_days(local_date(at), -random_.between(1, 10)),
                              "EL-" + std::to_string(local_date(at).year) + "-" + std::to_string(random_.between(1000, 9999)),
                              ""};
    record_site_check(tx_, actor(unit, "caseworker", at), case_id, command, default_site_check_max_years);
}

void DemoHistory::own_equipment(const LoadedUnit& unit, db::Id case_id, const std::string& note, Timestamp at) {
    record_own_equipment(tx_, actor(unit, "caseworker", at), case_id, note);
}

}  // namespace bhm::server::demo
