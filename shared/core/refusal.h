// A refusal: the domain's answer when a rule says no. Every rule in shared/ returns one
// of these instead of throwing, so the edges (HTTP, scanner) can show why, and cite where from.
#pragma once

#include <string>

namespace bhm {

struct Refusal {
    std::string code;     // stable snake_case, e.g. "site_check_missing"
    std::string message;  // one plain sentence a warehouse worker understands
    std::string rule;     // source: "FOR-2013-11-29-1373 § 9, jf. § 16", "Prosedyre pkt. 11", or ""
};

}  // namespace bhm
