// Identity checks for people the product records: the patient's Norwegian national ID
// (fødselsnummer, D-number or H-number) and the health professional's HPR number.
#pragma once

#include <optional>
#include <string_view>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

// 11 digits, a real birth date (D-number: day + 40; H-number: month + 40; century from the individual
// number), and both mod-11 check digits. Refusal codes: national_id_format, national_id_checksum,
// national_id_date.
std::optional<Refusal> check_national_id(std::string_view national_id);
// As above, and the birth date is not after `today` (national_id_birth_in_future). Use this one for a
// patient being registered; the one without a date only says whether digits form a national ID.
std::optional<Refusal> check_national_id(std::string_view national_id, Date today);

// The birth date encoded in a valid national ID or D-number; nullopt when check_national_id refuses it.
std::optional<Date> birth_date_of(std::string_view national_id);

// HPR number (Helsepersonellregisteret): digits only, 4 to 9 of them. Refusal code: hpr_number_format.
std::optional<Refusal> check_hpr_number(std::string_view hpr_number);

}  // namespace bhm
