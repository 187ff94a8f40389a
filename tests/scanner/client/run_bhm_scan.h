// Runs the real bhm-scan binary (from BHM_BIN_DIR) for CLI tests: arguments, stdin text and
// extra environment in; exit status, stdout and stderr out. Also starts it in the
// background so a test can kill -9 it in the middle of a send.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Pipe.h>
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

// A bhm-scan started in the background: `input` is written to its stdin, which stays
// open until close_input() or wait(); its output goes to the test's own stdout/stderr.
class BackgroundScan {
public:
    explicit BackgroundScan(const std::vector<std::string>& args, const std::string& input = "");
    ~BackgroundScan();   // kills it (SIGKILL) if still running
    void kill_hard();    // SIGKILL and wait
    void close_input();
    int wait(bool close_input_first = true);  // the exit status

private:
    Poco::Pipe in_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    bool input_open_ = true;
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
