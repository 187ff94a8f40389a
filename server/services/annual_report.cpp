// Aggregation over the Store's records; waiting times and durations come from shared/.
#include "server/services/annual_report.h"

#include <Poco/JSON/Array.h>

#include <map>

#include "shared/cases/case_flow.h"
#include "shared/core/norway_time.h"
#include "shared/loans/loan_end.h"

namespace bhm::server {
namespace {

struct Figures {
    int devices_in_use_at_year_end = 0, new_assignments = 0, returns = 0, devices_received = 0;
    int lost_at_patient = 0, ended_by_death = 0, exchanged_for_service = 0, loans_written_off = 0;
    int devices_written_off = 0;
    std::int64_t device_cost_ore = 0;
    std::int64_t consumable_cost_unit_paid_ore = 0, consumable_cost_municipality_paid_ore = 0;
    int consumables_issued = 0;
    long loan_days_total = 0; int loans_ended = 0;
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

}  // namespace

Poco::JSON::Object::Ptr annual_report(db::Transaction& tx, const std::vector<db::Unit>& units, int year) {
    const Timestamp from = local_start_of(Date{year, 1, 1});
    const Timestamp to{local_start_of(Date{year + 1, 1, 1}).unix_seconds - 1};
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const auto& unit : units) {
        std::map<std::string, Figures> by_category;
        std::map<db::Id, std::string> case_category;
        all_pages([&](const db::Page& page) {
            db::Id last = 0;
            for (const auto& c : tx.cases(unit.id, std::nullopt, page)) {
                last = c.id;
                case_category[c.id] = c.category;
                if (c.own_equipment) continue;
                auto& f = by_category[c.category];
                auto waits = waiting_times(local_date(c.applied_at),
                                           c.decided_at ? std::optional(local_date(*c.decided_at)) : std::nullopt,
                                           c.delivered_at ? std::optional(local_date(*c.delivered_at)) : std::nullopt);
                if (c.decided_at && *c.decided_at >= from && *c.decided_at <= to && waits.application_to_decision_days) {
                    f.wait_decision_total += *waits.application_to_decision_days;
                    ++f.decided;
                }
                if (c.delivered_at && *c.delivered_at >= from && *c.delivered_at <= to &&
                    waits.application_to_delivery_days) {
                    f.wait_delivery_total += *waits.application_to_delivery_days;
                    ++f.delivered_cases;
                }
            }
            return static_cast<db::Id>(last);
        });
        for (const auto& loan : tx.loans_between(unit.id, from, to)) {
            auto& f = by_category[case_category[loan.case_id]];
            // A replacement in an exchange continues the case's assignment: only a case's first loan is new.
            if (loan.delivered_at >= from && loan.delivered_at <= to) {
                auto of_case = tx.loans_of_case(loan.case_id);
                if (!of_case.empty() && of_case.front().id == loan.id) ++f.new_assignments;
            }
            if (loan.returned_at && *loan.returned_at >= from && *loan.returned_at <= to) {
                // Each way a loan ends is its own figure (shared/loans/loan_end.h); a loss is not a return.
                switch (parse_loan_end(loan.end_reason).value_or(LoanEnd::returned)) {
                    case LoanEnd::returned: ++f.returns; break;
                    case LoanEnd::lost: ++f.lost_at_patient; break;
                    case LoanEnd::death: ++f.ended_by_death; break;
                    case LoanEnd::exchanged: ++f.exchanged_for_service; break;
                    case LoanEnd::written_off: ++f.loans_written_off; break;
                }
                f.loan_days_total += days_between(local_date(loan.delivered_at), local_date(*loan.returned_at));
                ++f.loans_ended;
            }
            if (loan.delivered_at <= to && (!loan.returned_at || *loan.returned_at > to)) ++f.devices_in_use_at_year_end;
        }
        db::DeviceFilter filter;
        filter.unit_id = unit.id;
        all_pages([&](const db::Page& page) {
            db::Id last = 0;
            for (const auto& d : tx.devices(filter, page)) {
                last = d.id;
                if (d.received_at < from || d.received_at > to) continue;
                auto model = tx.model(d.model_id);
                if (!model) continue;
                auto& f = by_category[model->category];
                ++f.devices_received;
                f.device_cost_ore += model->price_ore;
            }
            return static_cast<db::Id>(last);
        });
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
