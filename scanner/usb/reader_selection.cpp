// The policy itself. It only looks at descriptors (and the HID report descriptor the OS
// already read); it never talks to the device, so `bhm-scan list` is harmless.
#include "scanner/usb/reader_selection.h"

#include <algorithm>
#include <cstdio>

namespace bhm::usb {

namespace {

constexpr std::uint8_t class_hid = 0x03, class_cdc = 0x02, class_cdc_data = 0x0A;
constexpr std::uint8_t transfer_bulk = 0x02, transfer_interrupt = 0x03;

std::string id_text(const DeviceFacts& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04x:%04x", d.vendor_id, d.product_id);
    return buf;
}

const EndpointFacts* in_endpoint(const InterfaceFacts& i, std::uint8_t transfer_type) {
    for (const auto& e : i.endpoints)
        if ((e.address & 0x80) && (e.attributes & 0x03) == transfer_type && e.max_packet_size > 0) return &e;
    return nullptr;
}

bool is_keyboard(const InterfaceFacts& i) {
    return i.class_code == class_hid && ((i.subclass == 1 && i.protocol == 1) || (i.report && i.report->is_keyboard()));
}

bool is_pos(const InterfaceFacts& i) {
    return i.class_code == class_hid && i.report && i.report->uses_barcode_scanner_page;
}

const InterfaceFacts* find_if(const DeviceFacts& d, bool (*pred)(const InterfaceFacts&), std::uint8_t transfer) {
    for (const auto& i : d.interfaces)
        if (pred(i) && in_endpoint(i, transfer)) return &i;
    return nullptr;
}

bool is_cdc_data(const InterfaceFacts& i) { return i.class_code == class_cdc_data; }
bool is_any_hid(const InterfaceFacts& i) { return i.class_code == class_hid; }
bool is_hid_but_not_keyboard(const InterfaceFacts& i) { return i.class_code == class_hid && !is_keyboard(i); }

ReaderPlan base_plan(const DeviceFacts& d, Personality p, const InterfaceFacts& read, std::uint8_t transfer) {
    const EndpointFacts* e = in_endpoint(read, transfer);
    ReaderPlan plan;
    plan.info.vendor_id = d.vendor_id;
    plan.info.product_id = d.product_id;
    plan.info.name = d.product_name;
    plan.info.personality = p;
    plan.info.bus_path = d.bus_path;
    plan.claim.push_back(read.number);
    plan.endpoint = e->address;
    plan.packet_size = e->max_packet_size;
    plan.bulk = transfer == transfer_bulk;
    return plan;
}

std::optional<ReaderPlan> plan_for(const DeviceFacts& d, Personality p) {
    if (p == Personality::keyboard_wedge) {
        const InterfaceFacts* i = find_if(d, is_keyboard, transfer_interrupt);
        if (!i) i = find_if(d, is_any_hid, transfer_interrupt);
        if (!i) return std::nullopt;
        ReaderPlan plan = base_plan(d, p, *i, transfer_interrupt);
        if (i->subclass == 1) plan.boot_keyboard = i->number;
        return plan;
    }
    if (p == Personality::hid_pos) {
        const InterfaceFacts* i = find_if(d, is_pos, transfer_interrupt);
        if (!i) i = find_if(d, is_hid_but_not_keyboard, transfer_interrupt);
        if (!i) return std::nullopt;
        ReaderPlan plan = base_plan(d, p, *i, transfer_interrupt);
        if (i->report) {
            plan.pos_format.uses_report_id = i->report->uses_report_ids;
            if (i->report->scanned_data_report_id) plan.pos_format.report_id = *i->report->scanned_data_report_id;
        }
        return plan;
    }
    const InterfaceFacts* data = find_if(d, is_cdc_data, transfer_bulk);
    if (!data) return std::nullopt;
    ReaderPlan plan = base_plan(d, p, *data, transfer_bulk);
    for (const auto& i : d.interfaces)
        if (i.class_code == class_cdc && i.subclass == 0x02) {  // Abstract Control Model
            plan.acm_control = i.number;
            plan.claim.insert(plan.claim.begin(), i.number);
            break;
        }
    return plan;
}

std::optional<Personality> by_interfaces(const DeviceFacts& d, bool keyboards_allowed) {
    if (find_if(d, is_pos, transfer_interrupt)) return Personality::hid_pos;
    if (find_if(d, is_cdc_data, transfer_bulk)) return Personality::cdc_acm;
    if (keyboards_allowed && find_if(d, is_keyboard, transfer_interrupt)) return Personality::keyboard_wedge;
    return std::nullopt;
}

}  // namespace

SelectionOutcome select_reader(const DeviceFacts& d, const KnownReaders& known, const SelectionOptions& options) {
    const std::string id = id_text(d);
    const KnownReader* k = known.find(d.vendor_id, d.product_id);
    bool named = options.named_device && options.named_device->first == d.vendor_id &&
                 options.named_device->second == d.product_id;
    std::optional<Personality> personality;
    std::string why;
    if (k) {
        switch (k->personality) {
            case KnownPersonality::keyboard_wedge: personality = Personality::keyboard_wedge; break;
            case KnownPersonality::hid_pos: personality = Personality::hid_pos; break;
            case KnownPersonality::cdc_acm: personality = Personality::cdc_acm; break;
            case KnownPersonality::by_interface: personality = by_interfaces(d, true); break;
        }
        if (!personality) return {std::nullopt, id + " is a known reader but shows no HID or CDC interface to read"};
        why = id + " is listed in scanners.json";
    } else {
        personality = by_interfaces(d, named);
        if (!personality) {
            if (find_if(d, is_keyboard, transfer_interrupt))
                return {std::nullopt, id + " is a keyboard and is not claimed; if it is a barcode reader, name it with --device " + id};
            return {std::nullopt, id + " is no barcode reader"};
        }
        why = *personality == Personality::keyboard_wedge ? id + " was named with --device"
              : *personality == Personality::hid_pos     ? id + " has a HID POS barcode scanner interface"
                                                         : id + " has a CDC-ACM serial interface";
    }
    auto plan = plan_for(d, *personality);
    if (!plan) return {std::nullopt, id + " has no interface with an IN endpoint for " + to_string(*personality)};
    plan->info.known = k != nullptr;
    if (k) plan->info.name = k->name;
    if (plan->info.name.empty()) plan->info.name = "USB device " + id;
    if (*personality == Personality::keyboard_wedge)
        plan->info.layout = !options.layout.empty() ? options.layout : (k ? k->layout : "us");
    if (k && *personality == Personality::hid_pos &&
        std::find(k->quirks.begin(), k->quirks.end(), "hid_pos_no_aim") != k->quirks.end())
        plan->pos_format.aim_in_report = false;
    return {plan, why};
}

}  // namespace bhm::usb
