// A fresh folder under /tmp for one benchmark run's database files, removed with everything in it
// (the SQLite -wal and -shm files too) when the run ends, also when it ends with an error.
#pragma once

#include <string>

namespace bhm::bench {

class ScratchFolder {
public:
    ScratchFolder();                 // creates /tmp/bhm-bench-XXXXXX (std::runtime_error if it cannot)
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

}  // namespace bhm::bench
