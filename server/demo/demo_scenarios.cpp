// The demo stories, told backwards from today in whole days: each story picks how many days ago
// each step happened so that the steps keep the domain's order (received, cleaned and inspected,
// applied, decided, journal note and site check, reserved, delivered, returned).
#include "server/demo/demo_scenarios.h"

#include <algorithm>

#include "shared/catalogue/category.h"

namespace bhm::server::demo {

namespace {

const CategoryRules& rules_of(const std::string& code) { return *find_category(code); }

int interval_days(const CategoryRules& rules) { return rules.inspection_interval_months * 30; }

// How many days ago a device in stock was last inspected: mostly well inside its interval, some due
// within 30 days, some overdue.
int inspection_age(DemoRandom& random, const CategoryRules& rules) {
    if (!rules.electrical || rules.inspection_interval_months == 0) return random.between(0, 400);
    const int interval = interval_days(rules);
    const int roll = random.between(1, 100);
    if (roll <= 80) return random.between(0, interval - 31);
    if (roll <= 92) return random.between(interval - 25, interval - 2);
    return random.between(interval + 3, interval + 40);
}

std::string approval_grounds(const CategoryRules& rules, int loan_days) {
    return "Innvilget " + rules.name_no + ": behovet er dokumentert av henvisende lege og vilkårene er oppfylt "
           "(pasient- og brukerrettighetsloven § 2-1 b). Utlån i " + std::to_string(loan_days) +
           " dager, deretter revurdering.";
}

std::string rejection_grounds(DemoRandom& random, const CategoryRules& rules) {
    static const std::vector<std::string> reasons{
        "Dokumentasjonen viser ikke at de medisinske vilkårene er oppfylt; ny søknad kan sendes med oppdaterte målinger.",
        "Behovet kan dekkes av kommunens hjelpemiddelsentral (ikke behandlingshjelpemiddel).",
        "Søknaden mangler utprøving og tilpasning i spesialisthelsetjenesten (prosedyre pkt. 2 og 4)."};
    return "Avslag på " + rules.name_no + ": " + random.pick(reasons);
}

// A new patient's case as the requester sent it on the day `applied_days_ago`.
db::Id applied_case(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit, const std::string& category,
                    int applied_days_ago) {
    const PatientDraft patient = history.new_patient(unit);
    return history.apply(unit, patient, category, make_application(random, category), history.day(applied_days_ago, 9));
}

db::Id approved_case(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit, const std::string& category,
                     int applied_days_ago, int decided_days_ago) {
    const CategoryRules& rules = rules_of(category);
    const db::Id c = applied_case(history, random, unit, category, applied_days_ago);
    history.decide(unit, c, true, approval_grounds(rules, rules.default_loan_days), history.day(decided_days_ago, 11));
    history.journal_note(unit, c, history.day(decided_days_ago, 14));
    history.site_check_if_required(unit, c, history.day(decided_days_ago, 15));
    return c;
}

// A case for the device, reserved and delivered `delivered_days_ago`; the device must be available.
void lend(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit, db::Id device,
          const std::string& category, int delivered_days_ago) {
    const int applied = delivered_days_ago + random.between(7, 35);
    const int decided = delivered_days_ago + random.between(1, std::min(6, applied - delivered_days_ago - 1));
    const db::Id c = approved_case(history, random, unit, category, applied, decided);
    history.reserve(unit, device, c, history.day(delivered_days_ago, 8));
    history.deliver(unit, device, c, history.day(delivered_days_ago, 12));
}

// Days until a loan's due date: some overdue, some due within 14 days, most later.
int days_until_due(DemoRandom& random, int loan_days) {
    const int roll = random.between(1, 100);
    if (roll <= 15) return -random.between(1, 45);
    if (roll <= 30) return random.between(0, 14);
    return random.between(15, loan_days - 1);
}

db::Id stocked(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit, const db::Model& model,
              int inspected_days_ago) {
    const int received = inspected_days_ago + random.between(3, 400);
    const db::Id device = history.receive(unit, model, history.day(received, 8));
    history.clean_and_inspect(unit, device, model, history.day(inspected_days_ago, 9));
    return device;
}

// A reported fault and the technician's first work on it.
struct Fault {
    std::string fault, work;
};
const std::vector<Fault> faults{
    {"Alarm for lav oksygenkonsentrasjon", "Feilsøkt: zeolittsikter mettet; ny sikt bestilt."},
    {"Unormal støy fra vifte", "Vifte demontert; lagerslitasje, ny vifte bestilt."},
    {"Lekkasje i fukterkammer", "Pakning i fukterkammer byttet; tetthetstest gjenstår."},
    {"Displayet svarer ikke", "Feilsøkt: defekt displaykort; sendt til leverandør."},
    {"Batteriet lader ikke", "Batteri målt under spesifikasjon; nytt batteri bestilt."},
    {"Trykkfeil ved oppstart", "Trykksensor kalibrert; feilen kom tilbake, venter på ny sensor."}};

}  // namespace

DeviceStory draw_story(DemoRandom& random) {
    const int roll = random.between(1, 100);
    if (roll <= 5) return DeviceStory::received;
    if (roll <= 49) return DeviceStory::available;
    if (roll <= 54) return DeviceStory::reserved;
    if (roll <= 84) return DeviceStory::on_loan;
    if (roll <= 90) return DeviceStory::returned;
    if (roll <= 96) return DeviceStory::in_service;
    if (roll <= 99) return DeviceStory::retired;
    return DeviceStory::lost;
}

void play_device_story(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit, const db::Model& model,
                       DeviceStory story) {
    const CategoryRules& rules = rules_of(model.category);
    switch (story) {
        case DeviceStory::received:
            history.receive(unit, model, history.day(random.between(0, 4), 9));
            return;
        case DeviceStory::available: {
            const int inspected = inspection_age(random, rules);
            if (!random.percent(35)) {
                stocked(history, random, unit, model, inspected);
                return;
            }
            // Back from an earlier loan, cleaned and inspected again.
            const int returned = inspected + random.between(1, 3);
            const int delivered = returned + random.between(30, std::min(300, rules.default_loan_days + 60));
            const db::Id device = stocked(history, random, unit, model, delivered + random.between(3, 20));
            lend(history, random, unit, device, model.category, delivered);
            history.take_return(unit, device, history.day(returned, 13));
            history.clean_and_inspect(unit, device, model, history.day(inspected, 9));
            return;
        }
        case DeviceStory::reserved: {
            const db::Id device = stocked(history, random, unit, model, random.between(5, 150));
            const int applied = random.between(3, 20);
            const int decided = random.between(1, applied - 1);
            const db::Id c = approved_case(history, random, unit, model.category, applied, decided);
            history.reserve(unit, device, c, history.day(random.between(0, decided - 1), 10));
            return;
        }
        case DeviceStory::on_loan: {
            const int delivered = rules.default_loan_days - days_until_due(random, rules.default_loan_days);
            const db::Id device = stocked(history, random, unit, model, delivered + random.between(2, 25));
            lend(history, random, unit, device, model.category, delivered);
            return;
        }
        case DeviceStory::returned: {
            const int returned = random.between(0, 6);
            const int delivered = returned + random.between(20, rules.default_loan_days);
            const db::Id device = stocked(history, random, unit, model, delivered + random.between(2, 25));
            lend(history, random, unit, device, model.category, delivered);
            history.take_return(unit, device, history.day(returned, 13));
            return;
        }
        case DeviceStory::in_service: {
            const int inspected = random.between(30, 150);
            const db::Id device = stocked(history, random, unit, model, inspected);
            const Timestamp opened = history.day(random.between(1, 20), 10);
            const Fault& fault = random.pick(faults);
            history.open_service(unit, device, fault.fault, fault.work, opened);
            return;
        }
        case DeviceStory::retired: {
            const db::Id device = stocked(history, random, unit, model, random.between(1500, 2200));
            history.retire(unit, device, "Utrangert: over forventet levetid", history.day(random.between(10, 200), 10));
            return;
        }
        case DeviceStory::lost: {
            const db::Id device = stocked(history, random, unit, model, random.between(300, 700));
            history.report_lost(unit, device, "Ikke funnet ved varetelling", history.day(random.between(5, 60), 10));
            return;
        }
    }
}

void play_paper_cases(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit) {
    const auto scaled = [&](int count) { return std::max(1, count * unit.plan->stock_percent / 100); };
    const auto category = [&] { return random.pick(reference_categories()).code; };

    for (int i = 0; i < scaled(8); ++i) {  // waiting for a decision
        const int applied = random.between(0, 12);
        applied_case(history, random, unit, category(), applied);
    }
    for (int i = 0; i < scaled(4); ++i) {  // rejected, with grounds and the complaint deadline
        const int applied = random.between(10, 120);
        const std::string code = category();
        const db::Id c = applied_case(history, random, unit, code, applied);
        history.decide(unit, c, false, rejection_grounds(random, rules_of(code)),
                       history.day(applied - random.between(1, 7), 11));
    }
    for (int i = 0; i < scaled(4); ++i) {  // approved, waiting for a device
        const int applied = random.between(2, 25);
        approved_case(history, random, unit, category(), applied, random.between(0, applied - 1));
    }
    // Palliative exception: the nursing home starts with its own concentrator; we supply nothing.
    const int applied = random.between(1, 30);
    const PatientDraft patient = history.new_patient(unit);
    Application application = make_application(random, "oxygen_concentrator");
    application.role = "nursing_home_doctor";
    application.name = "Tilsynslege Paul Testheim";
    application.palliative = true;
    application.inpatient = false;
    const db::Id c = history.apply(unit, patient, "oxygen_concentrator", application, history.day(applied, 9));
    history.own_equipment(unit, c, "Sykehjemmet bruker egen oksygenkonsentrator (prosedyre pkt. 9); "
                                   "spesialisthelsetjenesten har ikke juridisk eller økonomisk ansvar for utstyret.",
                          history.day(applied, 10));
}

}  // namespace bhm::server::demo
