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

BackgroundScan::BackgroundScan(const std::vector<std::string>& args) {
    Poco::Pipe in;  // closed at once: the child sees end of input
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(bhm_scan_path(), args, ".", &in, nullptr, nullptr));
    in.close();
}

BackgroundScan::~BackgroundScan() {
    if (!done_) kill_hard();
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

int BackgroundScan::wait() {
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
