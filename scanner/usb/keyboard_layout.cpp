// The US and Norwegian key tables. Usage IDs are from the USB HID Usage Tables (keyboard
// page 0x07). The Norwegian table follows the xkb "no" symbols (the layout Linux and
// Windows ship for Norway): `+` right of 0, `\` right of that, å and the dead-key ¨ key on
// the top letter row, ø æ and ' * on the home row, - right of . on the bottom row,
// Shift+7 = /, Shift+8 = (, AltGr+2 = @, AltGr+4 = $, AltGr+8/9 = [ ], AltGr+7/0 = { }.
// Dead keys (¨ ^ ~ ` ´) type nothing by themselves, so they are left out.
#include "scanner/usb/keyboard_layout.h"

#include <array>

namespace bhm::usb {

namespace {

struct KeyChars {
    std::uint8_t usage;
    const char* plain;    // "" = nothing
    const char* shifted;
    const char* altgr;
};

// Keys that are the same on both layouts: letters are handled in code, these are the rest.
constexpr std::array<KeyChars, 16> common_keys{{
    {0x2C, " ", " ", ""},
    {0x54, "/", "/", ""}, {0x55, "*", "*", ""}, {0x56, "-", "-", ""}, {0x57, "+", "+", ""},
    {0x59, "1", "1", ""}, {0x5A, "2", "2", ""}, {0x5B, "3", "3", ""}, {0x5C, "4", "4", ""},
    {0x5D, "5", "5", ""}, {0x5E, "6", "6", ""}, {0x5F, "7", "7", ""}, {0x60, "8", "8", ""},
    {0x61, "9", "9", ""}, {0x62, "0", "0", ""},
    {0x1E, "1", "!", ""},  // 1 ! is the same on both
}};

constexpr std::array<KeyChars, 23> us_keys{{
    {0x1F, "2", "@", ""}, {0x20, "3", "#", ""}, {0x21, "4", "$", ""}, {0x22, "5", "%", ""},
    {0x23, "6", "^", ""}, {0x24, "7", "&", ""}, {0x25, "8", "*", ""}, {0x26, "9", "(", ""},
    {0x27, "0", ")", ""}, {0x2D, "-", "_", ""}, {0x2E, "=", "+", ""}, {0x2F, "[", "{", ""},
    {0x30, "]", "}", ""}, {0x31, "\\", "|", ""}, {0x32, "\\", "|", ""}, {0x33, ";", ":", ""},
    {0x34, "'", "\"", ""}, {0x35, "`", "~", ""}, {0x36, ",", "<", ""}, {0x37, ".", ">", ""},
    {0x38, "/", "?", ""}, {0x64, "\\", "|", ""}, {0x63, ".", ".", ""},
}};

constexpr std::array<KeyChars, 22> no_keys{{
    {0x1F, "2", "\"", "@"}, {0x20, "3", "#", "£"}, {0x21, "4", "¤", "$"}, {0x22, "5", "%", ""},
    {0x23, "6", "&", ""}, {0x24, "7", "/", "{"}, {0x25, "8", "(", "["}, {0x26, "9", ")", "]"},
    {0x27, "0", "=", "}"}, {0x2D, "+", "?", ""}, {0x2E, "\\", "", ""}, {0x2F, "å", "Å", ""},
    {0x31, "'", "*", ""}, {0x32, "'", "*", ""}, {0x33, "ø", "Ø", ""}, {0x34, "æ", "Æ", ""},
    {0x35, "|", "§", ""}, {0x36, ",", ";", ""}, {0x37, ".", ":", ""}, {0x38, "-", "_", ""},
    {0x64, "<", ">", ""}, {0x63, ",", ",", ""},  // the Norwegian keypad has a decimal comma
}};

template <std::size_t N>
const KeyChars* find(const std::array<KeyChars, N>& table, std::uint8_t usage) {
    for (const auto& k : table)
        if (k.usage == usage) return &k;
    return nullptr;
}

std::optional<std::string> pick(const KeyChars& k, bool shift, bool altgr) {
    const char* c = altgr ? k.altgr : (shift ? k.shifted : k.plain);
    if (c[0] == '\0') return std::nullopt;
    return std::string(c);
}

}  // namespace

std::optional<KeyboardLayout> layout_from_name(std::string_view name) {
    if (name == "us") return KeyboardLayout::us;
    if (name == "no") return KeyboardLayout::no;
    return std::nullopt;
}

std::string to_string(KeyboardLayout layout) { return layout == KeyboardLayout::no ? "no" : "us"; }

std::optional<std::string> key_character(KeyboardLayout layout, std::uint8_t usage, bool shift,
                                         bool altgr) {
    if (usage >= 0x04 && usage <= 0x1D) {  // a..z sit in the same place on both layouts
        if (altgr) return std::nullopt;
        char c = static_cast<char>((shift ? 'A' : 'a') + (usage - 0x04));
        return std::string(1, c);
    }
    const KeyChars* k = layout == KeyboardLayout::us ? find(us_keys, usage) : find(no_keys, usage);
    if (!k) k = find(common_keys, usage);
    if (!k) return std::nullopt;
    return pick(*k, shift, altgr);
}

std::optional<int> keypad_digit(std::uint8_t usage) {
    if (usage == 0x62) return 0;
    if (usage >= 0x59 && usage <= 0x61) return usage - 0x59 + 1;
    return std::nullopt;
}

}  // namespace bhm::usb
