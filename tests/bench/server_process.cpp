// Starting, reading and stopping the bhm-server child process (see server_process.h). The lines it
// reads are the ones server/main.cpp prints: "bhm-server listening on http://127.0.0.1:P/api/v1",
// "Demo users (password 'X'):", "  NAME  role=ROLE  unit=CODE", "Demo scan station 'N' token: HEX".
#include "server_process.h"

#include <Poco/File.h>
#include <Poco/PipeStream.h>

#include <csignal>
#include <istream>
#include <regex>
#include <stdexcept>

namespace bhm::bench {

ServerProcess::ServerProcess(const std::string& binary, const std::string& db_path, std::chrono::seconds startup,
                             bool demo)
    : demo_(demo) {
    Poco::File file(binary);
    if (!file.exists() || !file.canExecute())
        throw std::runtime_error("no executable bhm-server at " + binary +
                                 " (build it: cmake --build build --target bhm-server, or pass --server PATH)");
    Poco::Process::Args args{"--bind", "127.0.0.1", "--port", "0", "--db", db_path};
    if (demo) args.insert(args.begin(), "--demo");
    handle_ = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(binary, args, nullptr, &out_, &err_));
    stdout_reader_ = std::thread([this] { read_stdout(); });
    stderr_reader_ = std::thread([this] { read_stderr(); });
    try {
        wait_for_startup(startup);
    } catch (...) {
        stop();
        throw;
    }
}

ServerProcess::~ServerProcess() { stop(); }

int ServerProcess::stop() {
    if (!handle_) return exit_code_;
    // isRunning() is true for a zombie too, so poll tryWait(), which reaps.
    int code = handle_->tryWait();
    if (code == -1) {
        Poco::Process::requestTermination(handle_->id());   // SIGINT: the server's orderly shutdown
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while ((code = handle_->tryWait()) == -1 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (code == -1) {
            ::kill(handle_->id(), SIGKILL);
            code = handle_->wait();
        }
    }
    exit_code_ = code;
    handle_.reset();
    if (stdout_reader_.joinable()) stdout_reader_.join();
    if (stderr_reader_.joinable()) stderr_reader_.join();
    return exit_code_;
}

void ServerProcess::read_stdout() {
    Poco::PipeInputStream in(out_);
    std::string line;
    while (std::getline(in, line)) {
        std::lock_guard lock(mutex_);
        stdout_lines_.push_back(line);
        changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    stdout_closed_ = true;
    changed_.notify_all();
}

void ServerProcess::read_stderr() {
    Poco::PipeInputStream in(err_);
    std::string line;
    while (std::getline(in, line)) {
        std::lock_guard lock(mutex_);
        stderr_tail_.push_back(line);
        if (stderr_tail_.size() > 20) stderr_tail_.pop_front();
    }
}

std::string ServerProcess::log_tail() {
    std::lock_guard lock(mutex_);
    std::string text;
    for (const auto& line : stdout_lines_) text += "\n  out: " + line;
    for (const auto& line : stderr_tail_) text += "\n  log: " + line;
    return text.empty() ? " (it printed nothing)" : text;
}

bool ServerProcess::parse_stdout_line(const std::string& line) {
    static const std::regex listening(R"(^bhm-server listening on http://127\.0\.0\.1:(\d+)/api/v1$)");
    static const std::regex users(R"(^Demo users \(password '(.*)'\):$)");
    static const std::regex user(R"(^\s+(\S+)\s+role=warehouse\s+unit=\S+$)");
    static const std::regex token(R"(^Demo scan station '[^']*' token: ([0-9a-fA-F]+)$)");
    std::smatch m;
    if (std::regex_match(line, m, listening)) {
        const int port = std::stoi(m[1].str());
        if (port < 1 || port > 65535) throw std::runtime_error("bhm-server printed a bad port: " + line);
        port_ = static_cast<unsigned short>(port);
    } else if (std::regex_match(line, m, users)) {
        warehouse_login_.password = m[1].str();
    } else if (std::regex_match(line, m, user) && warehouse_login_.username.empty()) {
        warehouse_login_.username = m[1].str();   // the first one listed belongs to the station's unit
    } else if (std::regex_match(line, m, token)) {
        station_token_ = m[1].str();
    }
    if (!demo_) return port_ != 0;
    return port_ != 0 && !station_token_.empty() && !warehouse_login_.username.empty();
}

void ServerProcess::wait_for_startup(std::chrono::seconds startup) {
    const auto deadline = std::chrono::steady_clock::now() + startup;
    std::size_t parsed = 0;
    std::unique_lock lock(mutex_);
    while (true) {
        for (; parsed < stdout_lines_.size(); ++parsed)
            if (parse_stdout_line(stdout_lines_[parsed])) return;
        if (stdout_closed_) break;
        if (changed_.wait_until(lock, deadline) == std::cv_status::timeout && parsed == stdout_lines_.size()) break;
    }
    const bool closed = stdout_closed_;
    lock.unlock();
    throw std::runtime_error(std::string("bhm-server ") +
                             (closed ? "exited" : "did not print its port and demo station token in time") +
                             " (is the database fresh? the token is printed only on the first demo load):" +
                             log_tail());
}

}  // namespace bhm::bench
