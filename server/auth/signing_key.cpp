// The key file: created O_EXCL with mode 0600; an existing one that others can read is tightened.
#include "server/auth/signing_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Poco/Logger.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "server/auth/password.h"

namespace bhm::server {
namespace {

constexpr std::size_t shortest_secret = 32;

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

void write_new_key(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;   // another process made it first: read theirs
        throw std::runtime_error("cannot create the token key file " + path + ": " + std::strerror(errno));
    }
    const std::string secret = random_token(32) + "\n";
    const bool ok = ::write(fd, secret.data(), secret.size()) == static_cast<ssize_t>(secret.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("cannot write the token key file " + path);
    Poco::Logger::get("bhm").information("event=token_key_created file=%s", path);
}

}  // namespace

std::string load_signing_secret(const std::string& path, const std::string& environment_secret) {
    if (!environment_secret.empty()) {
        if (environment_secret.size() < shortest_secret)
            throw std::runtime_error("BHM_TOKEN_SECRET must be at least 32 characters");
        return environment_secret;
    }
    write_new_key(path);
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
        ::chmod(path.c_str(), 0600);
        Poco::Logger::get("bhm").warning("event=token_key_permissions_tightened file=%s", path);
    }
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the token key file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    std::string secret = trimmed(text.str());
    if (secret.size() < shortest_secret)
        throw std::runtime_error("the token key file " + path + " holds fewer than 32 characters; delete it to make a new one");
    return secret;
}

}  // namespace bhm::server
