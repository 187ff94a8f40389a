// The real bhm-server for whole-system tests: started with the demo data on a loopback port the kernel
// gives it (--port 0; the server prints the port it bound) and a throw-away SQLite file, its printed demo users and station token parsed, and stopped
// (SIGTERM, then SIGKILL) with its folder removed when the object goes. Reusable by scanner e2e tests:
// it can be stopped and restarted on the same port and database, and run_program runs bhm-scan.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bhm::e2e {

struct DemoUser {
    std::string username, role, unit_code;
};

class ServerProcess {
public:
    struct Options {
        std::string demo_password = "e2e-demo-password";
        std::map<std::string, std::string> environment;   // extra BHM_* settings for this server
        int startup_timeout_seconds = 30;
        std::uint16_t port = 0;   // a fixed loopback port; 0: the server binds a free one, kept across restarts
    };

    ServerProcess();
    explicit ServerProcess(Options options);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    std::string base_url() const;                       // http://127.0.0.1:<port>
    const std::string& station_name() const { return station_name_; }
    const std::string& station_token() const { return station_token_; }
    const std::string& demo_password() const { return demo_password_; }
    const std::vector<DemoUser>& users() const { return users_; }
    const std::string& folder() const { return folder_; }

    std::string printed() const;        // everything the server wrote on stdout so far
    std::string log_tail(std::size_t max_bytes = 4000) const;   // the end of its stderr log
    std::string users_text() const;     // "name(role@unit) ..." for failure messages

    // Stops the server (SIGTERM, then SIGKILL) and keeps its folder and database: the server is down.
    void stop();
    // Starts it again on the same port and database (the demo data stays; the station token parsed at the
    // first start stays valid). Throws when it does not answer.
    void restart();
    // Kills the server with SIGKILL at once, as a power cut or an OOM kill would: no shutdown runs. Its folder
    // and database stay as the kill left them; restart() starts it again on them.
    void kill_hard();
    bool running() const { return pid_ > 0; }

private:
    // false when the server died before it answered (e.g. a fixed port taken); port 0 takes the printed one
    bool start_once(std::uint16_t port, bool fresh_database, std::string& why);
    void parse_printed();

    Options options_;
    std::string folder_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::string station_name_, station_token_, demo_password_;
    std::vector<DemoUser> users_;
};

// Where the built binaries are (BHM_BIN_DIR, set by bhm_test()).
std::string binary_path(const std::string& name);

// What a finished program did: its exit code (-1 when killed at the time limit), stdout and stderr.
struct ProgramRun {
    int exit_code = -1;
    bool timed_out = false;
    std::string out, err;
    std::string describe() const;   // "exit 0; stdout: ...; stderr: ..." for failure messages
};

// Runs a program (args[0] is its path) with `input` as its stdin and only the non-BHM_* environment,
// waiting at most `timeout_seconds` (then SIGKILL). Its output goes through files in a temporary folder.
ProgramRun run_program(const std::vector<std::string>& args, const std::string& input = "",
                       int timeout_seconds = 20);
// The same with the time limit in milliseconds: a test that kills a program mid-work (SIGKILL at the limit).
ProgramRun run_program_for(const std::vector<std::string>& args, const std::string& input,
                           std::chrono::milliseconds limit);

}  // namespace bhm::e2e
