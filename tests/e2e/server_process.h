// The real bhm-server for whole-system tests: started with the demo data on a free loopback port
// and a throw-away SQLite file, its printed demo users and station token parsed, and stopped
// (SIGTERM, then SIGKILL) with its folder removed when the object goes. Reusable by scanner e2e tests.
#pragma once

#include <sys/types.h>

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

private:
    bool start_once(std::string& why);   // false when the server died before it answered (e.g. port taken)
    void stop();
    void parse_printed();

    Options options_;
    std::string folder_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::string station_name_, station_token_, demo_password_;
    std::vector<DemoUser> users_;
};

// A loopback port that was free a moment ago (bound to port 0, then closed).
std::uint16_t free_loopback_port();

// Where the built binaries are (BHM_BIN_DIR, set by bhm_test()).
std::string binary_path(const std::string& name);

}  // namespace bhm::e2e
