// One open demo notice by serial list: the two newest devices in stock and the two oldest loans of the model.
// The unit's first available device stays free (tests and the pages pick it first).
#include "server/demo/demo_recall.h"

#include <cctype>

#include "server/services/recalls.h"

namespace bhm::server::demo {

void register_demo_recall(db::Transaction& tx, DemoHistory& history, const LoadedUnit& unit, const db::Model& model) {
    std::vector<db::Device> available, on_loan;
    for (const auto& d : tx.devices_of_model(unit.unit.id, model.id)) {
        if (d.status.state == DeviceState::available) available.push_back(d);
        if (d.status.state == DeviceState::on_loan) on_loan.push_back(d);
    }
    NoticeDraft draft;
    draft.reference = "FSN-" + model.manufacturer.substr(0, 3) + "-2026-07";
    for (char& c : draft.reference) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    draft.issued_on = add_days(history.today(), -6);
    draft.action = RecallAction::inspect;
    draft.user_text = "Urgent field safety notice: the power inlet of some " + model.name +
                      " units may crack. Inspect the inlet; take a cracked unit out of use and replace it.";
    draft.coverage.kind = CoverageKind::serial_list;
    draft.coverage.gtin = model.gtin;
    for (std::size_t i = available.size() > 3 ? available.size() - 2 : available.size(); i < available.size(); ++i)
        draft.coverage.serials.push_back(available[i].serial);
    for (std::size_t i = 0; i < on_loan.size() && i < 2; ++i) draft.coverage.serials.push_back(on_loan[i].serial);
    if (draft.coverage.serials.empty()) return;   // nothing of ours to cover: no notice
    history.register_recall(unit, draft, history.day(4, 10));
}

void DemoHistory::register_recall(const LoadedUnit& unit, const NoticeDraft& draft, Timestamp at) {
    register_notice(tx_, actor(unit, "manager", at), draft);
}

}  // namespace bhm::server::demo
