// Runs the real bhm-scan binary (from BHM_BIN_DIR) for CLI tests: arguments, stdin text and
// extra environment in; exit status, stdout and stderr out. Also starts it in the
// background so a test can kill -9 it in the middle of a send.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Process.h>

namespace bhm::test {

struct RunResult {
    int status = -1;
    std::string out;
    std::string err;
};

std::string bhm_scan_path();

RunResult run_bhm_scan(const std::vector<std::string>& args, const std::string& input = "",
                       const std::map<std::string, std::string>& env = {});

// A bhm-scan started in the background with stdin closed and output discarded.
class BackgroundScan {
public:
    explicit BackgroundScan(const std::vector<std::string>& args);
    ~BackgroundScan();  // kills it (SIGKILL) if still running
    void kill_hard();   // SIGKILL and wait
    int wait();         // exit status

private:
    std::unique_ptr<Poco::ProcessHandle> handle_;
    bool done_ = false;
};

// A fresh temporary folder, removed when the object goes.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace bhm::test
