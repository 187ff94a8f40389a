// Runs ZXing's reader in a forked child process. Debian 12's ZXing 1.4 is built with
// assertions on, and ReadBarcodes aborts (Result.cpp:140, `lineCount() == 1`) on some
// photos, e.g. two identical linear barcodes side by side (zxing-cpp issue #740, fixed
// upstream after 1.4). In a child, such an abort is a failed attempt, not a dead station.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bhm::scan {

struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // row-major, one byte per pixel
};

struct FoundSymbol {
    std::string raw;     // symbology identifier + content bytes
    std::string format;  // ZXing's format name
    int left = 0, top = 0, right = 0, bottom = 0;  // bounding box of ZXing's position
    bool linear = false;
};

struct ReadAttempt {
    bool downscale = true;  // let ZXing add downscaled layers
    bool first_only = false;  // stop at the first symbol
};

// The symbols ZXing finds, or nullopt when the reader crashed in the child.
std::optional<std::vector<FoundSymbol>> read_symbols_isolated(const GreyImage& image, ReadAttempt attempt);

}  // namespace bhm::scan
