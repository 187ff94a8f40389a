// The bhm-scan commands, one function per command (one file each in this folder).
// Each takes the words after the command name and returns the process exit status:
// 0 done, 1 failed, 2 usage or bad input, 3 the server refused the station token,
// 4 scans are left in the queue because the server could not be reached.
#pragma once

#include <string>
#include <vector>

#include "scanner/arguments.h"

namespace bhm::scan {

using Words = std::vector<std::string>;

int run_list(const Words& words);
int run_parse(const Words& words);
int run_listen(const Words& words);
int run_sync(const Words& words);
int run_review(const Words& words);
int run_decode(const Words& words);
int run_label(const Words& words);
int run_modesheet(const Words& words);

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_unauthorized = 3;
inline constexpr int exit_left_queued = 4;

}  // namespace bhm::scan
