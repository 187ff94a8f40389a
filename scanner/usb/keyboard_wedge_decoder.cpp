// Key-by-key decoding of a keyboard wedge. A scan with a key the layout cannot type is
// dropped as a whole (with a problem saying which key), never passed on half-right.
#include "scanner/usb/keyboard_wedge_decoder.h"

#include <algorithm>
#include <cstdio>

namespace bhm::usb {

namespace {

constexpr std::uint8_t left_ctrl = 0x01, left_shift = 0x02, left_alt = 0x04;
constexpr std::uint8_t right_ctrl = 0x10, right_shift = 0x20, right_alt = 0x40;
constexpr std::uint8_t key_enter = 0x28, key_tab = 0x2B, keypad_enter = 0x58;
constexpr std::uint8_t key_right_bracket_us = 0x30;  // "]" on US; readers send it for Ctrl+]
constexpr char group_separator = 0x1D;

std::string hex(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", v & 0xffu);
    return buf;
}

// Latin-1 code point as UTF-8 (Alt codes above 127).
std::string latin1_to_utf8(unsigned code) {
    if (code < 0x80) return std::string(1, static_cast<char>(code));
    std::string s;
    s += static_cast<char>(0xC0 | (code >> 6));
    s += static_cast<char>(0x80 | (code & 0x3F));
    return s;
}

}  // namespace

KeyboardWedgeDecoder::KeyboardWedgeDecoder(KeyboardLayout layout) : layout_(layout) {}

DecodeResult KeyboardWedgeDecoder::feed(std::span<const std::uint8_t> report) {
    DecodeResult out;
    if (report.size() != report_size) {
        out.problems.push_back("keyboard report of " + std::to_string(report.size()) +
                               " bytes ignored: a boot keyboard report has 8");
        return out;
    }
    std::uint8_t modifiers = report[0];
    std::vector<std::uint8_t> keys;
    for (std::size_t i = 2; i < report.size(); ++i) {
        std::uint8_t k = report[i];
        if (k == 0x01 || k == 0x02 || k == 0x03) return out;  // ErrorRollOver etc.: a phantom state
        if (k != 0) keys.push_back(k);
    }
    // Alt let go: an Alt+keypad code is complete, before any key in this same report.
    if (alt_code_active_ && !(modifiers & left_alt)) finish_alt_code();

    for (std::uint8_t k : keys)
        if (std::find(held_.begin(), held_.end(), k) == held_.end()) press(k, modifiers, out);
    held_ = std::move(keys);
    return out;
}

void KeyboardWedgeDecoder::press(std::uint8_t usage, std::uint8_t modifiers, DecodeResult& out) {
    bool shift = modifiers & (left_shift | right_shift);
    bool ctrl = modifiers & (left_ctrl | right_ctrl);
    bool alt = modifiers & left_alt;
    // AltGr is right Alt; Windows also takes Ctrl+Alt as AltGr on layouts that have one.
    bool right_altgr = modifiers & right_alt;
    bool ctrl_alt_as_altgr = layout_ == KeyboardLayout::no && ctrl && alt && !right_altgr;
    bool altgr = right_altgr || ctrl_alt_as_altgr;
    bool control = ctrl && !ctrl_alt_as_altgr;

    if (usage == key_enter || usage == keypad_enter || usage == key_tab) {
        end_scan(out);
        return;
    }
    if (alt && !ctrl) {
        if (auto digit = keypad_digit(usage)) {
            alt_code_active_ = true;
            alt_code_ = (alt_code_ * 10 + *digit) % 100000;
            return;
        }
    }
    auto c = key_character(layout_, usage, shift, altgr);
    std::string typed;
    if (control && (usage == key_right_bracket_us || (altgr && c == "]"))) {
        typed = std::string(1, group_separator);  // Ctrl+] by usage (any layout) or by character
    } else if (control) {
        if (!altgr && c && c->size() == 1 &&
            (((*c)[0] >= '@' && (*c)[0] <= '_') || ((*c)[0] >= 'a' && (*c)[0] <= 'z'))) {
            typed = std::string(1, static_cast<char>((*c)[0] & 0x1F));
        } else {
            spoil("Ctrl with key " + hex(usage) + " is no control character on the " + to_string(layout_) +
                  " layout");
            return;
        }
    } else if (c) {
        typed = *c;
    } else {
        spoil("key " + hex(usage) + " with modifiers " + hex(modifiers) + " types nothing on the " +
              to_string(layout_) + " layout");
        return;
    }
    scan_ += typed;
    if (scan_.size() > max_scan_bytes) {
        spoil("scan longer than " + std::to_string(max_scan_bytes) + " bytes");
        scan_.clear();  // it is dropped anyway; keep memory bounded until Enter comes
    }
}

void KeyboardWedgeDecoder::finish_alt_code() {
    alt_code_active_ = false;
    unsigned code = static_cast<unsigned>(alt_code_) % 256;  // as Windows does for Alt+NNNN
    alt_code_ = 0;
    scan_ += latin1_to_utf8(code);
}

void KeyboardWedgeDecoder::end_scan(DecodeResult& out) {
    if (alt_code_active_) finish_alt_code();
    if (!spoiled_.empty()) {
        out.problems.push_back("scan dropped: " + spoiled_);
    } else if (!scan_.empty()) {
        out.scans.push_back(DecodedScan{scan_, ""});
    }
    scan_.clear();
    spoiled_.clear();
}

void KeyboardWedgeDecoder::spoil(std::string why) {
    if (spoiled_.empty()) spoiled_ = std::move(why);
}

}  // namespace bhm::usb
