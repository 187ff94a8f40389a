// Process plumbing for the CLI tests, on Poco::Process and Poco::Pipe. stdout and stderr
// are drained on two threads so a chatty child can never block on a full pipe.
#include "run_bhm_scan.h"

#include <filesystem>
#include <thread>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

namespace bhm::test {

std::string bhm_scan_path() { return std::string(BHM_BIN_DIR) + "/bhm-scan"; }

RunResult run_bhm_scan(const std::vector<std::string>& args, const std::string& input,
                       const std::map<std::string, std::string>& env) {
    Poco::Pipe in, out, err;
    Poco::Process::Env environment(env.begin(), env.end());
    Poco::ProcessHandle handle = Poco::Process::launch(bhm_scan_path(), args, ".", &in, &out, &err, environment);
    RunResult result;
    std::thread read_err([&] {
        Poco::PipeInputStream s(err);
        Poco::StreamCopier::copyToString(s, result.err);
    });
    std::thread write_in([&] {
        Poco::PipeOutputStream s(in);
        s << input;
        s.close();
    });
    {
        Poco::PipeInputStream s(out);
        Poco::StreamCopier::copyToString(s, result.out);
    }
    write_in.join();
    read_err.join();
    result.status = handle.wait();
    return result;
}

BackgroundScan::BackgroundScan(const std::vector<std::string>& args, const std::string& input) {
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(bhm_scan_path(), args, ".", &in_, nullptr, nullptr));
    if (!input.empty()) in_.writeBytes(input.data(), static_cast<int>(input.size()));
}

BackgroundScan::~BackgroundScan() {
    if (!done_) kill_hard();
    close_input();
}

void BackgroundScan::close_input() {
    if (input_open_) in_.close(Poco::Pipe::CLOSE_WRITE);
    input_open_ = false;
}

void BackgroundScan::kill_hard() {
    if (done_) return;
    Poco::Process::kill(*handle_);  // SIGKILL on POSIX
    try {
        handle_->wait();
    } catch (...) {
    }
    done_ = true;
}

int BackgroundScan::wait(bool close_input_first) {
    if (close_input_first) close_input();
    int status = handle_->wait();
    done_ = true;
    return status;
}

TempFolder::TempFolder() : path_(Poco::TemporaryFile::tempName()) {
    std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace bhm::test
