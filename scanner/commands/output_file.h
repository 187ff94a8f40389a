// Where `label` and `modesheet` write their bytes: -o FILE (or "-" for stdout), and the
// file format guessed from FILE's extension when --format is not given.
#pragma once

#include <string>

#include "scanner/arguments.h"
#include "scanner/commands/commands.h"

namespace bhm::scan {

// Lets "-o FILE" stand for "--output FILE".
Words with_long_output(const Words& words);

// --format, else the extension of --output, else `fallback`.
std::string format_from(const Arguments& args, const std::string& fallback);

// Writes the bytes to --output (required). Throws std::runtime_error on failure.
void write_output(const Arguments& args, const std::string& bytes);

}  // namespace bhm::scan
