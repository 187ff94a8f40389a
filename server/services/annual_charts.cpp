// Loans per month and waiting-time buckets for a year, by the unit at the time (server/services/annual_charts.h).
#include "server/services/annual_charts.h"

#include <Poco/JSON/Array.h>

#include <map>

#include "shared/cases/case_flow.h"
#include "shared/cases/unit_over_time.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

struct Bucket { int from, to; };   // days, inclusive; to < 0: and more
const std::vector<Bucket> buckets{{0, 7}, {8, 14}, {15, 30}, {31, 60}, {61, 90}, {91, -1}};

bool within(Timestamp at, Timestamp from, Timestamp to) { return at >= from && at <= to; }

}  // namespace

Poco::JSON::Object::Ptr annual_charts(db::Transaction& tx, const std::vector<db::Unit>& units, int year) {
    const Timestamp from = local_start_of(Date{year, 1, 1});
    const Timestamp to{local_start_of(Date{year + 1, 1, 1}).unix_seconds - 1};
    std::vector<int> delivered(12, 0), returned(12, 0), waited(buckets.size(), 0);
    for (const auto& unit : units) {
        // The unit's records now, and those it handed over by a received transfer, with their moves.
        std::map<db::Id, std::vector<UnitMove>> case_moves, loan_moves;
        for (const auto& t : tx.transfers_of_unit(unit.id)) {
            if (t.status != "received" || !t.received_at) continue;
            const UnitMove move{*t.received_at, t.from_unit_id, t.to_unit_id};
            case_moves[t.case_id].push_back(move);
            loan_moves[t.loan_id].push_back(move);
        }
        std::map<db::Id, db::Case> cases;
        db::Page page{500, 0};
        for (;;) {
            auto some = tx.cases(unit.id, std::nullopt, page);
            for (const auto& c : some) cases.emplace(c.id, c);
            if (some.size() < static_cast<std::size_t>(page.limit)) break;
            page.after_id = some.back().id;
        }
        for (const auto& [id, moves] : case_moves)
            if (!cases.count(id))
                if (auto c = tx.case_by_id(id)) cases.emplace(id, *c);
        std::map<db::Id, db::Loan> loans;
        for (const auto& loan : tx.loans_between(unit.id, from, to)) loans.emplace(loan.id, loan);
        for (const auto& [id, moves] : loan_moves)
            if (!loans.count(id))
                if (auto loan = tx.loan(id)) loans.emplace(id, *loan);
        auto moves_of = [](const std::map<db::Id, std::vector<UnitMove>>& of, db::Id id) {
            auto found = of.find(id);
            return found == of.end() ? std::vector<UnitMove>{} : found->second;
        };

        for (const auto& [id, c] : cases) {
            if (c.own_equipment || !c.delivered_at || !within(*c.delivered_at, from, to)) continue;
            if (unit_at(c.unit_id, moves_of(case_moves, c.id), *c.delivered_at) != unit.id) continue;
            auto waits = waiting_times(local_date(c.applied_at),
                                       c.decided_at ? std::optional(local_date(*c.decided_at)) : std::nullopt,
                                       std::optional(local_date(*c.delivered_at)));
            if (!waits.application_to_delivery_days) continue;
            const int days = *waits.application_to_delivery_days;
            for (std::size_t b = 0; b < buckets.size(); ++b)
                if (days >= buckets[b].from && (buckets[b].to < 0 || days <= buckets[b].to)) {
                    ++waited[b];
                    break;
                }
        }
        for (const auto& [id, loan] : loans) {
            auto c = cases.find(loan.case_id);
            const bool own = c != cases.end() ? c->second.own_equipment
                                              : tx.case_by_id(loan.case_id).value_or(db::Case{}).own_equipment;
            if (own) continue;
            for (const auto& span : loan_spans(loan.unit_id, loan.delivered_at, loan.returned_at,
                                               moves_of(loan_moves, id))) {
                if (span.unit != unit.id) continue;
                if (span.begins_loan && within(loan.delivered_at, from, to))
                    ++delivered[local_date(loan.delivered_at).month - 1];
                if (span.ends_loan && within(*loan.returned_at, from, to))
                    ++returned[local_date(*loan.returned_at).month - 1];
            }
        }
    }
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("year", year);
    Poco::JSON::Array::Ptr months = new Poco::JSON::Array;
    for (int m = 0; m < 12; ++m) {
        Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
        row->set("month", m + 1);
        row->set("delivered", delivered[m]);
        row->set("returned", returned[m]);
        months->add(row);
    }
    o->set("months", months);
    Poco::JSON::Array::Ptr waiting = new Poco::JSON::Array;
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
        row->set("from_days", buckets[b].from);
        row->set("to_days", buckets[b].to < 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(buckets[b].to));
        row->set("cases", waited[b]);
        waiting->add(row);
    }
    o->set("waiting_to_delivery", waiting);
    return o;
}

}  // namespace bhm::server
