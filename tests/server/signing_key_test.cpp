// The token signing secret lives in a key file only the server's user can read, or in the
// environment; never in the database.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <fstream>

#include "server/auth/signing_key.h"

using namespace bhm::server;

namespace {
struct Folder {
    std::string path = Poco::TemporaryFile::tempName();
    Folder() { Poco::File(path).createDirectories(); }
    ~Folder() { Poco::File(path).remove(true); }
};
unsigned mode_of(const std::string& file) {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_mode & 0777;
}
}  // namespace

TEST_CASE("a missing key file is made with a new secret, readable by the server's user alone") {
    Folder folder;
    const std::string file = folder.path + "/bhm.key";
    const std::string secret = load_signing_secret(file, "");
    CHECK(secret.size() >= 32);
    CHECK(mode_of(file) == 0600);
    CHECK(load_signing_secret(file, "") == secret);   // the same on the next start
}

TEST_CASE("a key file others can read is tightened to 0600") {
    Folder folder;
    const std::string file = folder.path + "/bhm.key";
    std::ofstream(file) << "0123456789abcdef0123456789abcdef0123456789abcdef\n";
    ::chmod(file.c_str(), 0644);
    CHECK(load_signing_secret(file, "") == "0123456789abcdef0123456789abcdef0123456789abcdef");
    CHECK(mode_of(file) == 0600);
}

TEST_CASE("BHM_TOKEN_SECRET wins over the key file, and must be long enough") {
    Folder folder;
    CHECK(load_signing_secret(folder.path + "/none.key", std::string(40, 'x')) == std::string(40, 'x'));
    CHECK_FALSE(Poco::File(folder.path + "/none.key").exists());
    CHECK_THROWS(load_signing_secret(folder.path + "/none.key", "short"));
}

TEST_CASE("a key file with too short a secret stops the server with a sentence") {
    Folder folder;
    std::ofstream(folder.path + "/bhm.key") << "short\n";
    CHECK_THROWS_WITH(load_signing_secret(folder.path + "/bhm.key", ""), Catch::Contains("delete it to make a new one"));
}
