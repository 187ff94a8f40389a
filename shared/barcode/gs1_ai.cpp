// The AI table: one row per AI (or AI family with a decimal-point digit). Lengths and formats follow
// the GS1 General Specifications (release 24) §3.2; AIs not listed are refused as unknown.
#include "shared/barcode/gs1_ai.h"

#include <array>

namespace bhm::barcode {
namespace {

constexpr std::size_t kAll = 99;  // numeric_head for all-numeric data: every character is a digit

constexpr AiSpec numeric(std::string_view ai, std::string_view title, std::size_t length,
                         bool check = false, AiDate date = AiDate::none) {
    return {ai, title, length, length, kAll, check ? length : 0, date};
}
constexpr AiSpec numeric_up_to(std::string_view ai, std::string_view title, std::size_t max) {
    return {ai, title, 1, max, kAll, 0, AiDate::none};
}
constexpr AiSpec text_up_to(std::string_view ai, std::string_view title, std::size_t max) {
    return {ai, title, 1, max, 0, 0, AiDate::none};
}
constexpr AiSpec date(std::string_view ai, std::string_view title) {
    return numeric(ai, title, 6, false, AiDate::yymmd0);
}
constexpr AiSpec measure(std::string_view ai, std::string_view title) { return numeric(ai, title, 6); }

constexpr std::array kTable{
    numeric("00", "SSCC", 18, true),
    numeric("01", "GTIN", 14, true),
    numeric("02", "CONTENT", 14, true),
    text_up_to("10", "BATCH/LOT", 20),
    date("11", "PROD DATE"),
    date("12", "DUE DATE"),
    date("13", "PACK DATE"),
    date("15", "BEST BEFORE or BEST BY"),
    date("16", "SELL BY"),
    date("17", "USE BY OR EXPIRY"),
    numeric("20", "VARIANT", 2),
    text_up_to("21", "SERIAL", 20),
    text_up_to("22", "CPV", 20),
    text_up_to("235", "TPX", 28),
    text_up_to("240", "ADDITIONAL ID", 30),
    text_up_to("241", "CUST. PART No.", 30),
    numeric_up_to("242", "MTO VARIANT", 6),
    text_up_to("243", "PCN", 20),
    text_up_to("250", "SECONDARY SERIAL", 30),
    text_up_to("251", "REF. TO SOURCE", 30),
    AiSpec{"253", "GDTI", 13, 30, 13, 13, AiDate::none},
    text_up_to("254", "GLN EXTENSION COMPONENT", 20),
    AiSpec{"255", "GCN", 13, 25, kAll, 13, AiDate::none},
    numeric_up_to("30", "VAR. COUNT", 8),
    numeric_up_to("37", "COUNT", 8),
    measure("310n", "NET WEIGHT (kg)"), measure("311n", "LENGTH (m)"),
    measure("312n", "WIDTH (m)"), measure("313n", "HEIGHT (m)"),
    measure("314n", "AREA (m2)"), measure("315n", "NET VOLUME (l)"),
    measure("316n", "NET VOLUME (m3)"), measure("320n", "NET WEIGHT (lb)"),
    measure("321n", "LENGTH (in)"), measure("322n", "LENGTH (ft)"),
    measure("323n", "LENGTH (yd)"), measure("324n", "WIDTH (in)"),
    measure("325n", "WIDTH (ft)"), measure("326n", "WIDTH (yd)"),
    measure("327n", "HEIGHT (in)"), measure("328n", "HEIGHT (ft)"),
    measure("329n", "HEIGHT (yd)"), measure("330n", "GROSS WEIGHT (kg)"),
    measure("331n", "LENGTH (m), log"), measure("332n", "WIDTH (m), log"),
    measure("333n", "HEIGHT (m), log"), measure("334n", "AREA (m2), log"),
    measure("335n", "VOLUME (l), log"), measure("336n", "VOLUME (m3), log"),
    measure("337n", "KG PER m2"), measure("340n", "GROSS WEIGHT (lb)"),
    measure("341n", "LENGTH (in), log"), measure("342n", "LENGTH (ft), log"),
    measure("343n", "LENGTH (yd), log"), measure("344n", "WIDTH (in), log"),
    measure("345n", "WIDTH (ft), log"), measure("346n", "WIDTH (yd), log"),
    measure("347n", "HEIGHT (in), log"), measure("348n", "HEIGHT (ft), log"),
    measure("349n", "HEIGHT (yd), log"), measure("350n", "AREA (in2)"),
    measure("351n", "AREA (ft2)"), measure("352n", "AREA (yd2)"),
    measure("353n", "AREA (in2), log"), measure("354n", "AREA (ft2), log"),
    measure("355n", "AREA (yd2), log"), measure("356n", "NET WEIGHT (t oz)"),
    measure("357n", "NET VOLUME (oz)"), measure("360n", "NET VOLUME (qt)"),
    measure("361n", "NET VOLUME (gal.)"), measure("362n", "VOLUME (qt), log"),
    measure("363n", "VOLUME (gal.), log"), measure("364n", "VOLUME (in3)"),
    measure("365n", "VOLUME (ft3)"), measure("366n", "VOLUME (yd3)"),
    measure("367n", "VOLUME (in3), log"), measure("368n", "VOLUME (ft3), log"),
    measure("369n", "VOLUME (yd3), log"),
    text_up_to("400", "ORDER NUMBER", 30),
    text_up_to("401", "GINC", 30),
    numeric("402", "GSIN", 17, true),
    text_up_to("403", "ROUTE", 30),
    numeric("410", "SHIP TO LOC", 13, true),
    numeric("411", "BILL TO", 13, true),
    numeric("412", "PURCHASE FROM", 13, true),
    numeric("413", "SHIP FOR LOC", 13, true),
    numeric("414", "LOC No.", 13, true),
    numeric("415", "PAY TO", 13, true),
    numeric("416", "PROD/SERV LOC", 13, true),
    numeric("417", "PARTY", 13, true),
    text_up_to("420", "SHIP TO POST", 20),
    numeric("422", "ORIGIN", 3),
    numeric("424", "COUNTRY - PROCESS.", 3),
    numeric("426", "COUNTRY - FULL PROCESS", 3),
    numeric("7001", "NSN", 13),
    text_up_to("7002", "MEAT CUT", 30),
    AiSpec{"7003", "EXPIRY TIME", 10, 10, kAll, 0, AiDate::yymmddhhmm},
    numeric_up_to("7004", "ACTIVE POTENCY", 4),
    text_up_to("710", "NHRN PZN", 20),
    text_up_to("711", "NHRN CIP", 20),
    text_up_to("712", "NHRN CN", 20),
    text_up_to("713", "NHRN DRN", 20),
    text_up_to("714", "NHRN AIM", 20),
    text_up_to("715", "NHRN NDC", 20),
    text_up_to("7240", "PROTOCOL", 20),
    AiSpec{"8003", "GRAI", 14, 30, 14, 14, AiDate::none},
    text_up_to("8004", "GIAI", 30),
    numeric("8005", "PRICE PER UNIT", 6),
    text_up_to("8012", "VERSION", 20),
    text_up_to("8013", "GMN", 25),
    numeric("8017", "GSRN - PROVIDER", 18, true),
    numeric("8018", "GSRN - RECIPIENT", 18, true),
    text_up_to("8020", "REF No.", 25),
    text_up_to("90", "INTERNAL", 30),
    text_up_to("91", "INTERNAL", 90), text_up_to("92", "INTERNAL", 90),
    text_up_to("93", "INTERNAL", 90), text_up_to("94", "INTERNAL", 90),
    text_up_to("95", "INTERNAL", 90), text_up_to("96", "INTERNAL", 90),
    text_up_to("97", "INTERNAL", 90), text_up_to("98", "INTERNAL", 90),
    text_up_to("99", "INTERNAL", 90),
};

}  // namespace

bool ai_matches(std::string_view pattern, std::string_view ai) {
    if (pattern.size() != ai.size()) return false;
    for (std::size_t i = 0; i < ai.size(); ++i) {
        const bool digit = ai[i] >= '0' && ai[i] <= '9';
        if (!digit) return false;
        if (pattern[i] != 'n' && pattern[i] != ai[i]) return false;
    }
    return true;
}

const AiSpec* find_ai(std::string_view ai) {
    for (const auto& row : kTable) {
        if (ai_matches(row.ai, ai)) return &row;
    }
    return nullptr;
}

std::span<const AiSpec> ai_table() { return kTable; }

}  // namespace bhm::barcode
