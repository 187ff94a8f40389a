// Demo patients and requesters. National IDs follow the real layout (DDMMYY, individual number for the
// century, two mod-11 check digits) so the product's own check accepts them; the names say they are demo.
#include "server/demo/demo_people.h"

#include <array>
#include <stdexcept>

#include "shared/cases/requester.h"
#include "shared/people/national_id.h"

namespace bhm::server::demo {

namespace {

const std::vector<std::string> first_names{"Kari",  "Ola",   "Ingrid", "Per",   "Astrid", "Nils",  "Sigrid",
                                           "Arne",  "Solveig", "Bjørn", "Randi", "Tor",   "Eva",   "Knut",
                                           "Marit", "Jon",   "Liv",    "Odd",   "Anne",   "Svein"};
const std::vector<std::string> demo_surnames{"Demosen", "Testesen", "Prøvestad", "Eksempelsen", "Fiktivdal",
                                             "Oppdiktet", "Demoli",   "Testvik",   "Prøvenes",    "Liksomsen"};
const std::vector<std::string> streets{"Demoveien", "Testgata", "Prøvestien", "Eksempelvegen", "Fiktivbakken"};

int digit(const std::string& text, std::size_t i) { return text[i] - '0'; }

// Mod-11 check digit over the first weights.size() digits; -1 when the remainder would give 10.
template <std::size_t N>
int check_digit(const std::string& digits, const std::array<int, N>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < N; ++i) sum += digit(digits, i) * weights[i];
    const int check = 11 - sum % 11;
    if (check == 11) return 0;
    return check == 10 ? -1 : check;
}

std::string two(int number) { return (number < 10 ? "0" : "") + std::to_string(number); }

std::string hpr(DemoRandom& random) { return std::to_string(random.between(1000000, 9899999)); }

void require_allowed(const Application& application, const std::string& category) {
    ApplicationRequest request{*parse_requester_role(application.role), category, application.palliative,
                               application.nebulizer_criteria_met, *parse_lymphoedema(application.lymphoedema)};
    if (auto refusal = check_requester_rights(request)) {
        throw std::logic_error("demo application for " + category + " breaks a rule: " + refusal->message);
    }
}

}  // namespace

std::string synthetic_national_id(DemoRandom& random, Date birth) {
    if (birth.year < 1900 || birth.year > 2039) throw std::out_of_range("demo birth years are 1900..2039");
    const bool this_century = birth.year >= 2000;
    const std::string date = two(birth.day) + two(birth.month) + two(birth.year % 100);
    static constexpr std::array<int, 9> first_weights{3, 7, 6, 1, 8, 9, 4, 5, 2};
    static constexpr std::array<int, 10> second_weights{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int individual = this_century ? random.between(500, 999) : random.between(0, 499);
        std::string id = date + (individual < 100 ? (individual < 10 ? "00" : "0") : "") + std::to_string(individual);
        const int first = check_digit(id, first_weights);
        if (first < 0) continue;
        id += std::to_string(first);
        const int second = check_digit(id, second_weights);
        if (second < 0) continue;
        id += std::to_string(second);
        if (auto refusal = check_national_id(id)) throw std::logic_error("generated an invalid national ID");
        return id;
    }
    throw std::logic_error("no valid national ID found for " + to_iso(birth));
}

PatientDraft make_patient(DemoRandom& random, std::set<std::string>& taken, const std::string& municipality,
                          const std::string& institution, bool in_institution) {
    PatientDraft patient;
    do {
        const int year = in_institution ? random.between(1926, 1950) : random.between(1935, 2006);
        const Date birth{year, random.between(1, 12), random.between(1, 28)};
        patient.national_id = synthetic_national_id(random, birth);
    } while (!taken.insert(patient.national_id).second);
    patient.name = random.pick(first_names) + " " + random.pick(demo_surnames);
    patient.municipality = municipality;
    patient.residence = in_institution ? "institution" : "home";
    patient.address = in_institution ? institution + ", " + municipality
                                     : random.pick(streets) + " " + std::to_string(random.between(1, 120)) + ", " +
                                           municipality;
    return patient;
}

Application specialist(DemoRandom& random) {
    static const std::vector<std::string> names{"Lege Hanne Demoen (lungemedisin)", "Lege Erik Testrud (nevrologi)",
                                                "Lege Mari Prøvesen (indremedisin)", "Lege Jonas Eksempel (barn)",
                                                "Lege Tone Fiktiv (onkologi)"};
    Application application;
    application.role = "specialist_doctor";
    application.hpr = hpr(random);
    application.name = random.pick(names);
    application.inpatient = random.percent(40);
    return application;
}

// Mostly the specialist service; the exceptions from the appendix where they apply.
Application make_application(DemoRandom& random, const std::string& category) {
    Application application = specialist(random);
    if (category == "oxygen_concentrator") {
        if (random.percent(35)) {
            application.role = random.percent(50) ? "gp" : "nursing_home_doctor";
            application.name = application.role == "gp" ? "Fastlege Guri Demostad" : "Tilsynslege Paul Testheim";
            application.inpatient = false;
        }
        application.palliative = random.percent(25);
    } else if (category == "nebulizer") {
        if (random.percent(50)) {
            application.role = "gp";
            application.name = "Fastlege Guri Demostad";
            application.inpatient = false;
        }
        application.nebulizer_criteria_met = true;
    } else if (category == "tens") {
        application.role = random.percent(70) ? "physiotherapist" : "specialist_physiotherapist";
        application.name = "Fysioterapeut Lars Demoholm";
        application.inpatient = false;
    } else if (category == "compression_garment") {
        application.role = "specialist_physiotherapist";
        application.name = "Spesialfysioterapeut Ida Testnes";
        application.inpatient = false;
        application.lymphoedema = random.percent(30) ? "primary" : "secondary";
    } else if (category == "cpap" || category == "bipap") {
        if (random.percent(20)) {
            application.role = "private_doctor_with_agreement";
            application.name = "Avtalespesialist Ruth Demodal (ØNH)";
            application.inpatient = false;
        }
    }
    require_allowed(application, category);
    return application;
}

}  // namespace bhm::server::demo
