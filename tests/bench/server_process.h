// The real bhm-server, started by the HTTP benchmark as a child process on a loopback port the
// kernel picks (--port 0), with the demo set in a scratch SQLite file. Its stdout is read for the
// port, the demo users and the station token; its log (stderr) is drained so it never blocks.
// The destructor stops it (SIGINT, then SIGKILL after a grace period) and waits for it.
#pragma once

#include <Poco/Pipe.h>
#include <Poco/Process.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace bhm::bench {

struct DemoLogin {
    std::string username, password;
};

class ServerProcess {
public:
    // Starts `binary` and waits up to `startup` for it to listen and print the demo station token.
    // std::runtime_error (with the tail of the server's log) if it does not. With `demo` false the server
    // opens the store as it is (no demo set, no token to wait for) and only its port is waited for.
    ServerProcess(const std::string& binary, const std::string& db_path, std::chrono::seconds startup,
                  bool demo = true);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return port_; }
    long pid() const { return handle_ ? static_cast<long>(handle_->id()) : -1; }
    const std::string& station_token() const { return station_token_; }
    const DemoLogin& warehouse_login() const { return warehouse_login_; }  // a warehouse user of the station's unit

    // Stops the server and returns its exit code (also done by the destructor; the second call is a no-op).
    int stop();

private:
    void read_stdout();
    void read_stderr();
    std::string log_tail();
    void wait_for_startup(std::chrono::seconds startup);
    bool parse_stdout_line(const std::string& line);

    Poco::Pipe out_, err_;
    std::unique_ptr<Poco::ProcessHandle> handle_;
    std::thread stdout_reader_, stderr_reader_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> stdout_lines_;
    std::deque<std::string> stderr_tail_;
    bool stdout_closed_ = false;
    int exit_code_ = -1;
    bool demo_ = true;

    unsigned short port_ = 0;
    std::string station_token_;
    DemoLogin warehouse_login_;
};

}  // namespace bhm::bench
