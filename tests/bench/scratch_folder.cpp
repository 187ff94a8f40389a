// The per-run scratch folder (see scratch_folder.h): mkdtemp to make it, Poco::File to remove it.
#include "scratch_folder.h"

#include <Poco/File.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <vector>

namespace bhm::bench {

ScratchFolder::ScratchFolder() {
    std::string pattern = "/tmp/bhm-bench-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data()))
        throw std::runtime_error("cannot make a scratch folder under /tmp: " + std::string(std::strerror(errno)));
    path_ = buffer.data();
}

ScratchFolder::~ScratchFolder() {
    try {
        Poco::File(path_).remove(true);
    } catch (const std::exception& e) {
        std::cerr << "warning: could not remove " << path_ << ": " << e.what() << "\n";
    }
}

}  // namespace bhm::bench
