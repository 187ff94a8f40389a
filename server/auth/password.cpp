// PBKDF2 password hashing and token digests on Poco's crypto primitives.
#include "server/auth/password.h"

#include <Poco/DigestEngine.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StringTokenizer.h>

#include <vector>

namespace bhm::server {
namespace {

class SHA256 : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    SHA256() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

std::string random_bytes(int count) {
    std::string out(static_cast<std::size_t>(count), '\0');
    Poco::RandomInputStream random;
    random.read(out.data(), count);
    return out;
}

std::string hex(const std::string& bytes) {
    return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(bytes.begin(), bytes.end()));
}

std::string pbkdf2_hex(const std::string& password, const std::string& salt, int iterations) {
    Poco::PBKDF2Engine<Poco::HMACEngine<SHA256>> engine(salt, static_cast<unsigned>(iterations), 32);
    engine.update(password);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// Compares without an early exit, so timing does not tell how much matched.
bool equal_constant_time(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace

std::string hash_password(const std::string& password, int iterations) {
    const std::string salt = hex(random_bytes(16));
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + salt + "$" + pbkdf2_hex(password, salt, iterations);
}

bool verify_password(const std::string& password, const std::string& stored) {
    Poco::StringTokenizer parts(stored, "$");
    if (parts.count() != 4 || parts[0] != "pbkdf2-sha256") return false;
    int iterations = 0;
    try { iterations = std::stoi(parts[1]); } catch (...) { return false; }
    if (iterations < 1000 || iterations > 10'000'000) return false;
    return equal_constant_time(pbkdf2_hex(password, parts[2], iterations), parts[3]);
}

std::string random_token(int bytes) { return hex(random_bytes(bytes)); }

std::string sha256_hex(const std::string& text) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(text);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace bhm::server
