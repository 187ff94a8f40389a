// The demo set's organisation and models, as data. Names of units are the real hospitals' sections
// (public); manufacturers and products are invented and the GTIN company prefix is not a real one.
#include "server/demo/demo_catalogue.h"

#include <stdexcept>

#include "shared/barcode/gs1_check_digit.h"

namespace bhm::server::demo {

const std::vector<UnitPlan>& demo_units() {
    static const std::vector<UnitPlan> units{
        {"HN", "Helse Nord", "UNN", "Seksjon for behandlingshjelpemidler, UNN", "Hovedlager UNN Breivika",
         {"Tromsø", "Balsfjord", "Karlsøy", "Lyngen", "Storfjord", "Harstad", "Narvik", "Senja"},
         {"Demo sykehjem Tromsø", "Demo helsetun Lyngen"}, 100},
        {"HSO", "Helse Sør-Øst", "OUS", "Seksjon for behandlingshjelpemidler, OUS", "Hovedlager OUS Ullevål",
         {"Oslo", "Bærum", "Asker", "Nordre Follo", "Lillestrøm"}, {"Demo sykehjem Oslo", "Demo omsorgssenter Asker"},
         50},
        {"HV", "Helse Vest", "HUS", "Seksjon for behandlingshjelpemidler, Haukeland universitetssjukehus",
         "Hovedlager Haukeland", {"Bergen", "Askøy", "Øygarden", "Bjørnafjorden", "Alver"},
         {"Demo sjukeheim Bergen"}, 40},
        {"HMN", "Helse Midt-Norge", "STO", "Seksjon for behandlingshjelpemidler, St. Olavs hospital",
         "Hovedlager St. Olavs", {"Trondheim", "Malvik", "Melhus", "Orkland", "Skaun"}, {"Demo sykehjem Trondheim"},
         40},
    };
    return units;
}

const std::vector<ModelPlan>& demo_models() {
    // item, manufacturer, name, category, price (øre), protection class, applied part, stock
    static const std::vector<ModelPlan> models{
        {101, "Nordluft Medical", "OxyHome 5", "oxygen_concentrator", 1950000, "II", "BF", 14},
        {102, "Nordluft Medical", "OxyHome 10", "oxygen_concentrator", 2600000, "I", "BF", 6},
        {201, "Respira", "SleepEase 10 Auto", "cpap", 1250000, "II", "BF", 16},
        {202, "Respira", "SleepEase 8 Travel", "cpap", 1100000, "II", "BF", 5},
        {301, "Respira", "SleepEase BiLevel ST", "bipap", 2900000, "II", "BF", 6},
        {401, "Aeris Medical", "Aeris Vent 150", "home_ventilator", 9800000, "I", "BF", 5},
        {501, "Aeris Medical", "CoughFlow E70", "cough_assist", 6500000, "I", "BF", 4},
        {601, "Fjord Aerosol", "NebuMist Compact", "nebulizer", 180000, "II", "BF", 10},
        {701, "Vacumed Nordic", "SugoPro 30", "suction", 850000, "II", "BF", 6},
        {801, "Polar Infusion", "InfuGo Ambulatory", "infusion_pump", 2200000, "IP", "CF", 6},
        {901, "Polar Infusion", "GlucoFlow X2", "insulin_pump", 3500000, "IP", "BF", 6},
        {1001, "Nerva", "PainAway Duo", "tens", 120000, "IP", "BF", 10},
        // A garment has no electrical parts: "IP" (no mains) and no applied part are the nearest fit.
        {1101, "Kompressa", "LymphoFit arm sleeve", "compression_garment", 90000, "IP", "none", 8},
        {1102, "Kompressa", "LymphoFit leg stocking", "compression_garment", 110000, "IP", "none", 6},
    };
    return models;
}

std::string demo_gtin(int item) {
    if (item < 0 || item > 999999) throw std::out_of_range("a demo item reference has at most 6 digits");
    std::string body = std::to_string(item);
    body = "0709999" + std::string(6 - body.size(), '0') + body;
    auto check = barcode::gs1_check_digit(body);
    if (!check) throw std::logic_error("no GS1 check digit for " + body);
    return body + *check;
}

std::vector<std::string> demo_shelves() {
    std::vector<std::string> shelves;
    for (char row : {'A', 'B', 'C'}) {
        for (int place = 1; place <= 4; ++place) shelves.push_back(std::string(1, row) + "-0" + std::to_string(place));
    }
    return shelves;
}

}  // namespace bhm::server::demo
