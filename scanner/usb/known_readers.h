// The readers we know by USB vendor/product ID, loaded from hardware/scanners.json:
// name, USB personality, keyboard layout for wedges, quirks, and where the ID comes from.
// A known reader is claimed on sight; everything else goes through the selection policy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scanner/usb/reader_hub.h"

namespace bhm::usb {

// How a known reader's personality is decided. `by_interface` is for IDs whose public
// source names the product but not its USB mode: the interfaces decide (a boot keyboard
// interface counts, because the ID says it is a barcode reader).
enum class KnownPersonality { keyboard_wedge, hid_pos, cdc_acm, by_interface };

struct KnownReader {
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    std::string name;
    KnownPersonality personality = KnownPersonality::by_interface;
    std::string layout = "us";        // "us" | "no"
    std::vector<std::string> quirks;  // see known_quirks()
    std::string source;               // where the ID and mode were checked
};

// Quirks the code understands; anything else in the file is an error.
const std::vector<std::string>& known_quirks();

class KnownReaders {
public:
    KnownReaders() = default;
    explicit KnownReaders(std::vector<KnownReader> readers);

    // Reads and checks the JSON file; throws std::runtime_error saying what and where.
    static KnownReaders load(const std::string& path);
    static KnownReaders parse(const std::string& json_text, const std::string& origin);

    const KnownReader* find(std::uint16_t vendor_id, std::uint16_t product_id) const;
    const std::vector<KnownReader>& all() const { return readers_; }

private:
    std::vector<KnownReader> readers_;
};

}  // namespace bhm::usb
