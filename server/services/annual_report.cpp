// Aggregation over the Store's records; waiting times and durations come from shared/, and each fact counts
// for the unit that held the record when it happened.
#include "server/services/annual_report.h"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <map>
#include <vector>

#include "shared/cases/case_flow.h"
#include "shared/cases/unit_over_time.h"
#include "shared/core/norway_time.h"
#include "shared/loans/loan_chain.h"
#include "shared/loans/loan_end.h"

namespace bhm::server {
namespace {

struct Figures {
    int devices_in_use_at_year_end = 0, new_assignments = 0, returns = 0, devices_received = 0;
    int lost_at_patient = 0, ended_by_death = 0, exchanged_for_service = 0, loans_written_off = 0;
    int devices_written_off = 0;
    int transferred_in = 0, transferred_out = 0;   // loans received from or handed over to another unit
    std::int64_t device_cost_ore = 0;
    std::int64_t consumable_cost_unit_paid_ore = 0, consumable_cost_municipality_paid_ore = 0;
    int consumables_issued = 0;
    long loan_days_total = 0; int loans_ended = 0;   // over loan chains that ended in the year
    long wait_decision_total = 0; int decided = 0;
    long wait_delivery_total = 0; int delivered_cases = 0;
};

Poco::Dynamic::Var average(long total, int count) {
    if (count == 0) return Poco::Dynamic::Var();
    return static_cast<double>(total) / count;
}

template <class Each>
void all_pages(Each each) {
    db::Page page{500, 0};
    for (;;) {
        auto last = each(page);
        if (last == 0) break;
        page.after_id = last;
    }
}

// What one unit's report reads: its own records, and those it held before a transfer handed them over, with
// the moves (received transfers) into and out of the unit of each case, loan and device. Each fact counts
// for the unit that held the record when it happened (shared/cases/unit_over_time.h).
struct UnitRecords {
    std::map<db::Id, db::Case> cases;
    std::map<db::Id, db::Loan> loans;
    std::map<db::Id, std::vector<UnitMove>> case_moves, loan_moves, device_moves;
    // Every loan of every case of the unit, read in one query, oldest (lowest id) first per case; the cases a
    // transfer brought in are read one by one when first asked for.
    std::map<db::Id, std::vector<db::Loan>> case_loans;

    const std::vector<db::Loan>& loans_of_case(db::Transaction& tx, db::Id case_id) {
        auto found = case_loans.find(case_id);
        if (found == case_loans.end()) found = case_loans.emplace(case_id, tx.loans_of_case(case_id)).first;
        return found->second;
    }

    std::vector<UnitMove> moves(const std::map<db::Id, std::vector<UnitMove>>& of, db::Id id) const {
        auto found = of.find(id);
        return found == of.end() ? std::vector<UnitMove>{} : found->second;
    }
};

UnitRecords records_of(db::Transaction& tx, db::Id unit_id, Timestamp from, Timestamp to) {
    UnitRecords r;
    for (const auto& t : tx.transfers_of_unit(unit_id)) {
        if (t.status != "received" || !t.received_at) continue;
        const UnitMove move{*t.received_at, t.from_unit_id, t.to_unit_id};
        r.case_moves[t.case_id].push_back(move);
        r.loan_moves[t.loan_id].push_back(move);
        r.device_moves[t.device_id].push_back(move);
    }
    all_pages([&](const db::Page& page) {
        db::Id last = 0;
        for (const auto& c : tx.cases(unit_id, std::nullopt, page)) {
            last = c.id;
            r.cases.emplace(c.id, c);
        }
        return last;
    });
    for (const auto& [id, c] : r.cases) r.case_loans[id];
    for (auto& loan : tx.loans_of_unit_cases(unit_id)) r.case_loans[loan.case_id].push_back(std::move(loan));
    for (auto& [id, loans] : r.case_loans)
        std::sort(loans.begin(), loans.end(), [](const db::Loan& a, const db::Loan& b) { return a.id < b.id; });
    for (const auto& [id, moves] : r.case_moves)
        if (!r.cases.count(id))
            if (auto c = tx.case_by_id(id)) r.cases.emplace(id, *c);
    for (const auto& loan : tx.loans_between(unit_id, from, to)) r.loans.emplace(loan.id, loan);
    for (const auto& [id, moves] : r.loan_moves)
        if (!r.loans.count(id))
            if (auto loan = tx.loan(id)) r.loans.emplace(id, *loan);
    return r;
}

bool within(Timestamp at, Timestamp from, Timestamp to) { return at >= from && at <= to; }

}  // namespace

Poco::JSON::Object::Ptr annual_report(db::Transaction& tx, const std::vector<db::Unit>& units, int year) {
    const Timestamp from = local_start_of(Date{year, 1, 1});
    const Timestamp to{local_start_of(Date{year + 1, 1, 1}).unix_seconds - 1};
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const auto& unit : units) {
        std::map<std::string, Figures> by_category;
        auto records = records_of(tx, unit.id, from, to);
        auto held_here = [&](const db::Case& c, Timestamp at) {
            return unit_at(c.unit_id, records.moves(records.case_moves, c.id), at) == unit.id;
        };
        for (const auto& [id, c] : records.cases) {
            if (c.own_equipment) continue;
            auto& f = by_category[c.category];
            auto waits = waiting_times(local_date(c.applied_at),
                                       c.decided_at ? std::optional(local_date(*c.decided_at)) : std::nullopt,
                                       c.delivered_at ? std::optional(local_date(*c.delivered_at)) : std::nullopt);
            if (c.decided_at && within(*c.decided_at, from, to) && held_here(c, *c.decided_at) &&
                waits.application_to_decision_days) {
                f.wait_decision_total += *waits.application_to_decision_days;
                ++f.decided;
            }
            if (c.delivered_at && within(*c.delivered_at, from, to) && held_here(c, *c.delivered_at) &&
                waits.application_to_delivery_days) {
                f.wait_delivery_total += *waits.application_to_delivery_days;
                ++f.delivered_cases;
            }
        }
        for (const auto& [id, loan] : records.loans) {
            auto c = records.cases.find(loan.case_id);
            auto& f = by_category[c != records.cases.end() ? c->second.category : ""];
            // The loan's time at this unit: from the delivery or the receipt, to the end or the hand-over.
            for (const auto& span : loan_spans(loan.unit_id, loan.delivered_at, loan.returned_at,
                                               records.moves(records.loan_moves, id))) {
                if (span.unit != unit.id) continue;
                if (span.begins_loan && within(loan.delivered_at, from, to)) {
                    // A replacement in an exchange continues the case's assignment: only a case's first loan is new.
                    const auto& of_case = records.loans_of_case(tx, loan.case_id);
                    if (!of_case.empty() && of_case.front().id == loan.id) ++f.new_assignments;
                } else if (!span.begins_loan && within(span.from, from, to)) {
                    ++f.transferred_in;
                }
                if (span.ends_loan && within(*loan.returned_at, from, to)) {
                    // Each way a loan ends is its own figure (shared/loans/loan_end.h); a loss is not a return.
                    switch (parse_loan_end(loan.end_reason).value_or(LoanEnd::returned)) {
                        case LoanEnd::returned: ++f.returns; break;
                        case LoanEnd::lost: ++f.lost_at_patient; break;
                        case LoanEnd::death: ++f.ended_by_death; break;
                        case LoanEnd::exchanged: ++f.exchanged_for_service; break;
                        case LoanEnd::written_off: ++f.loans_written_off; break;
                    }
                } else if (!span.ends_loan && span.to && within(*span.to, from, to)) {
                    ++f.transferred_out;
                }
                if (span.from <= to && (!span.to || *span.to > to)) ++f.devices_in_use_at_year_end;
            }
        }
        // A loan chain (a case's loan with its exchanges, across transfers) is one loan, from its first
        // delivery to its final end, counted by the unit that held it at the end (shared/loans/loan_chain.h).
        for (const auto& [id, c] : records.cases) {
            const auto& loans = records.loans_of_case(tx, c.id);
            std::vector<ChainLink> links;
            for (const auto& l : loans)
                links.push_back({l.delivered_at, l.returned_at, l.end_reason == to_string(LoanEnd::exchanged)});
            for (const auto& chain : loan_chains(links)) {
                if (!chain.ended || !within(*chain.ended, from, to)) continue;
                if (loans[chain.last].unit_id != unit.id) continue;   // an ended loan moves no more: its unit ended it
                auto& f = by_category[c.category];
                f.loan_days_total += days_between(local_date(chain.began), local_date(*chain.ended));
                ++f.loans_ended;
            }
        }
        // Devices received into this unit's stock in the year, also those handed over to another unit since.
        auto count_received = [&](const db::Device& d) {
            if (!within(d.received_at, from, to)) return;
            if (unit_at(d.unit_id, records.moves(records.device_moves, d.id), d.received_at) != unit.id) return;
            auto model = tx.model(d.model_id);
            if (!model) return;
            auto& f = by_category[model->category];
            ++f.devices_received;
            f.device_cost_ore += model->price_ore;
        };
        for (const auto& d : tx.devices_received_between(unit.id, from, to)) count_received(d);
        for (const auto& [id, moves] : records.device_moves)
            if (auto d = tx.device(id); d && d->unit_id != unit.id) count_received(*d);
        for (const auto& w : tx.write_offs_between(unit.id, from, to)) ++by_category[w.category].devices_written_off;
        // Consumables delivered in the year, by the case's category and who pays (rule 8); never own equipment.
        for (const auto& line : tx.consumables_delivered_between(unit.id, from, to)) {
            if (line.own_equipment) continue;
            auto& f = by_category[line.category];
            f.consumables_issued += line.quantity;
            (line.payer == Payer::device_tied ? f.consumable_cost_unit_paid_ore : f.consumable_cost_municipality_paid_ore) +=
                line.price_ore * line.quantity;
        }
        for (const auto& [category, f] : by_category) {
            Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
            row->set("unit", unit.code);
            row->set("region_id", unit.region_id);
            row->set("category", category);
            row->set("devices_in_use_at_year_end", f.devices_in_use_at_year_end);
            row->set("new_assignments", f.new_assignments);
            row->set("returns", f.returns);
            row->set("lost_at_patient", f.lost_at_patient);
            row->set("ended_by_death", f.ended_by_death);
            row->set("exchanged_for_service", f.exchanged_for_service);
            row->set("loans_written_off", f.loans_written_off);
            row->set("devices_written_off", f.devices_written_off);
            row->set("transferred_in", f.transferred_in);
            row->set("transferred_out", f.transferred_out);
            row->set("loans_ended", f.loans_ended);   // loan chains, each counted once
            row->set("average_loan_days", average(f.loan_days_total, f.loans_ended));
            row->set("average_days_application_to_decision", average(f.wait_decision_total, f.decided));
            row->set("average_days_application_to_delivery", average(f.wait_delivery_total, f.delivered_cases));
            row->set("devices_received", f.devices_received);
            row->set("device_cost_ore", f.device_cost_ore);
            row->set("consumables_issued", f.consumables_issued);
            row->set("consumable_cost_unit_paid_ore", f.consumable_cost_unit_paid_ore);
            row->set("consumable_cost_municipality_paid_ore", f.consumable_cost_municipality_paid_ore);
            rows->add(row);
        }
    }
    Poco::JSON::Object::Ptr report = new Poco::JSON::Object;
    report->set("year", year);
    report->set("rows", rows);
    report->set("note", "Own equipment of institutions is never counted, in devices or in consumables.");
    return report;
}

}  // namespace bhm::server
