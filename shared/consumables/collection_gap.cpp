// The collection-gap rule as a pure function of dates.
#include "shared/consumables/collection_gap.h"

namespace bhm {

std::optional<CollectionGap> collection_gap(Date delivered_on, std::optional<Date> last_collected_on, Date today,
                                            int max_days) {
    const Date since = last_collected_on && *last_collected_on > delivered_on ? *last_collected_on : delivered_on;
    const int days = days_between(since, today);
    if (days <= max_days) return std::nullopt;
    return CollectionGap{since, days};
}

}  // namespace bhm
