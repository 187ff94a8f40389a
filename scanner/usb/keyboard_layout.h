// Which character a USB HID keyboard key (a usage ID from the HID Usage Tables, page 0x07)
// types on the keyboard layout a wedge reader was set up for. Only the layouts a BHM
// station uses: US and Norwegian. Pure tables, no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bhm::usb {

enum class KeyboardLayout { us, no };

// "us" | "no"; nothing for any other name.
std::optional<KeyboardLayout> layout_from_name(std::string_view name);
std::string to_string(KeyboardLayout layout);

// The character (UTF-8) the key types with the given Shift/AltGr state, or nothing when
// the key types no character there (a dead key, a function key, an unmapped combination).
std::optional<std::string> key_character(KeyboardLayout layout, std::uint8_t usage, bool shift,
                                         bool altgr);

// Keypad digits (usages 0x59..0x62) as 0..9, used for Alt+keypad codes; else nothing.
std::optional<int> keypad_digit(std::uint8_t usage);

}  // namespace bhm::usb
