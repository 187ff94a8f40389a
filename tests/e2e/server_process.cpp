// Process plumbing for ServerProcess: fork and exec with stdout and stderr sent to files in the
// server's own temporary folder, a health poll until it answers, a clean stop and a restart on the
// same port and database; and run_program for the other binaries (bhm-scan) with a time limit.
// The first start asks for --port 0: the kernel gives the server a port nobody holds, and the server prints
// it on its "listening on" line, so two test servers never pick the same one (a port found free and closed
// again could be taken by another server before ours bound it).
#include "server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <Poco/Net/NetException.h>
#include <Poco/TemporaryFile.h>

#include "api_client.h"

extern char** environ;

namespace bhm::e2e {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool exited(pid_t pid) {
    int status = 0;
    return waitpid(pid, &status, WNOHANG) == pid;
}

// This process's environment without any BHM_* setting: only what a test asks for reaches a child.
std::map<std::string, std::string> environment_without_bhm() {
    std::map<std::string, std::string> env_map;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        auto eq = entry.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = entry.substr(0, eq);
        if (key.rfind("BHM_", 0) == 0) continue;
        env_map[key] = entry.substr(eq + 1);
    }
    return env_map;
}

// fork and exec with stdin, stdout and stderr on files. The child gets SIGTERM when the test process
// dies, so a crashed test never leaves a child behind.
pid_t spawn(std::vector<std::string> args, const std::map<std::string, std::string>& env_map,
            const std::string& in, const std::string& out, const std::string& err) {
    if (args.empty() || access(args[0].c_str(), X_OK) != 0)
        throw std::runtime_error("no executable at " + (args.empty() ? std::string("(none)") : args[0]));
    std::vector<std::string> env_text;
    for (const auto& [key, value] : env_map) env_text.push_back(key + "=" + value);
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);

    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // The child: only async-signal-safe calls until exec.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) _exit(127);
        int in_fd = open(in.c_str(), O_RDONLY);
        int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in_fd < 0 || out_fd < 0 || err_fd < 0) _exit(127);
        dup2(in_fd, 0);
        dup2(out_fd, 1);
        dup2(err_fd, 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    return pid;
}

// The port on the server's "bhm-server listening on http://127.0.0.1:PORT/api/v1" line, once printed.
std::optional<std::uint16_t> listening_port(const std::string& printed) {
    const std::string prefix = "bhm-server listening on http://127.0.0.1:";
    const auto at = printed.find(prefix);
    if (at == std::string::npos) return std::nullopt;
    const auto digits = at + prefix.size();
    const auto end = printed.find('/', digits);
    if (end == std::string::npos || end == digits) return std::nullopt;
    const int port = std::stoi(printed.substr(digits, end - digits));
    if (port <= 0 || port > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(port);
}

}  // namespace

std::string binary_path(const std::string& name) { return std::string(BHM_BIN_DIR) + "/" + name; }

ServerProcess::ServerProcess() : ServerProcess(Options{}) {}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)) {
    folder_ = Poco::TemporaryFile::tempName() + "-bhm-e2e";
    std::filesystem::create_directories(folder_);
    std::string why;
    if (start_once(options_.port, true, why)) {
        parse_printed();
        return;
    }
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
    throw std::runtime_error("bhm-server did not start: " + why);
}

ServerProcess::~ServerProcess() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

std::string ServerProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void ServerProcess::restart() {
    stop();
    std::string why;
    if (!start_once(port_, false, why)) throw std::runtime_error("bhm-server did not start again: " + why);
    parse_printed();
}

bool ServerProcess::start_once(std::uint16_t port, bool fresh_database, std::string& why) {
    port_ = port;
    const std::string db = folder_ + "/bhm.db";
    if (fresh_database) std::filesystem::remove(db);
    const std::string exe = binary_path("bhm-server");

    auto env_map = environment_without_bhm();   // only this test's settings reach the server
    env_map["BHM_DEMO_PASSWORD"] = options_.demo_password;
    // Hundreds of servers start in a test run: their demo users get cheap hashes (the production
    // default, 600,000 iterations, is proven in tests/server/password_test.cpp).
    env_map["BHM_PASSWORD_ITERATIONS"] = "1000";
    for (const auto& [key, value] : options_.environment) env_map[key] = value;
    pid_ = spawn({exe, "--demo", "--bind", "127.0.0.1", "--port", std::to_string(port_), "--db", db}, env_map,
                 "/dev/null", folder_ + "/stdout.txt", folder_ + "/stderr.txt");

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options_.startup_timeout_seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (exited(pid_)) {
            pid_ = -1;
            why = "it exited early (port " + std::to_string(port_) + "); log: " + log_tail(1500);
            return false;
        }
        // Our own process prints the port it bound; only then is it asked, so another server does not count.
        if (auto bound = listening_port(printed()); bound && (port == 0 || *bound == port)) {
            port_ = *bound;
            try {
                if (ApiClient(port_).get("/api/v1/health").status == 200) return true;
            } catch (const Poco::Exception&) {
                // not answering yet
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    why = "no answer on /api/v1/health within " + std::to_string(options_.startup_timeout_seconds) +
          " s; log: " + log_tail(1500);
    stop();
    throw std::runtime_error("bhm-server did not start: " + why);
}

void ServerProcess::stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        if (exited(pid_)) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

void ServerProcess::kill_hard() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

std::string ServerProcess::printed() const { return read_file(folder_ + "/stdout.txt"); }

std::string ServerProcess::log_tail(std::size_t max_bytes) const {
    auto text = read_file(folder_ + "/stderr.txt");
    return text.size() > max_bytes ? text.substr(text.size() - max_bytes) : text;
}

std::string ServerProcess::users_text() const {
    std::string text;
    for (const auto& u : users_) text += u.username + "(" + u.role + "@" + u.unit_code + ") ";
    return text.empty() ? "(no demo users printed)" : text;
}

// Reads what main.cpp prints: "Demo users (password 'x'):", "  name  role=r  unit=u" lines, and
// "Demo scan station 'name' token: <hex>".
// A restart on a loaded database prints no token: the one parsed before stays.
void ServerProcess::parse_printed() {
    std::istringstream lines(printed());
    std::string line;
    demo_password_ = options_.demo_password;
    users_.clear();
    while (std::getline(lines, line)) {
        const std::string password_mark = "Demo users (password '";
        const std::string station_mark = "Demo scan station '";
        if (line.rfind(password_mark, 0) == 0) {
            auto end = line.find("')", password_mark.size());
            if (end != std::string::npos) demo_password_ = line.substr(password_mark.size(), end - password_mark.size());
        } else if (line.rfind(station_mark, 0) == 0) {
            auto name_end = line.find('\'', station_mark.size());
            auto token_at = line.find("token: ");
            if (name_end != std::string::npos && token_at != std::string::npos) {
                station_name_ = line.substr(station_mark.size(), name_end - station_mark.size());
                station_token_ = line.substr(token_at + 7);
                while (!station_token_.empty() && std::isspace(static_cast<unsigned char>(station_token_.back())))
                    station_token_.pop_back();
            }
        } else if (line.find(" role=") != std::string::npos && line.find(" unit=") != std::string::npos) {
            std::istringstream words(line);
            DemoUser user;
            std::string word;
            words >> user.username;
            while (words >> word) {
                if (word.rfind("role=", 0) == 0) user.role = word.substr(5);
                if (word.rfind("unit=", 0) == 0) user.unit_code = word.substr(5);
            }
            if (!user.username.empty()) users_.push_back(user);
        }
    }
}

std::string ProgramRun::describe() const {
    return (timed_out ? std::string("killed at the time limit") : "exit " + std::to_string(exit_code)) +
           "; stdout: " + out + "; stderr: " + err;
}

ProgramRun run_program(const std::vector<std::string>& args, const std::string& input, int timeout_seconds) {
    return run_program_for(args, input, std::chrono::seconds(timeout_seconds));
}

ProgramRun run_program_for(const std::vector<std::string>& args, const std::string& input,
                           std::chrono::milliseconds limit) {
    const std::string folder = Poco::TemporaryFile::tempName() + "-bhm-e2e-run";
    std::filesystem::create_directories(folder);
    {
        std::ofstream stdin_file(folder + "/stdin.txt", std::ios::binary);
        stdin_file << input;
    }
    ProgramRun run;
    const pid_t pid = spawn(args, environment_without_bhm(), folder + "/stdin.txt", folder + "/stdout.txt",
                            folder + "/stderr.txt");
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    for (;;) {
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            run.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(limit < std::chrono::seconds(2) ? 2 : 20));
    }
    if (!run.timed_out && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    run.out = read_file(folder + "/stdout.txt");
    run.err = read_file(folder + "/stderr.txt");
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    return run;
}

}  // namespace bhm::e2e
