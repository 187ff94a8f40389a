// PBKDF2 password hashing and token digests on Poco's crypto primitives.
#include "server/auth/password.h"

#include <openssl/evp.h>

#include <Poco/DigestEngine.h>
#include <Poco/Environment.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StringTokenizer.h>

#include <stdexcept>
#include <vector>

namespace bhm::server {
namespace {

constexpr int fewest_iterations = 1000;
constexpr int most_iterations = 10'000'000;

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
    unsigned char key[32];
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()), iterations,
                          EVP_sha256(), sizeof key, key) != 1)
        throw std::runtime_error("PBKDF2 failed");
    return hex(std::string(reinterpret_cast<const char*>(key), sizeof key));
}

// The iterations in a stored hash; 0 when it is not one of ours.
int iterations_of(const std::string& stored) {
    Poco::StringTokenizer parts(stored, "$");
    if (parts.count() != 4 || parts[0] != "pbkdf2-sha256") return 0;
    try {
        const int n = std::stoi(parts[1]);
        return n >= fewest_iterations && n <= most_iterations ? n : 0;
    } catch (...) {
        return 0;
    }
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

int password_iterations() {
    static const int iterations = [] {
        const std::string set = Poco::Environment::get("BHM_PASSWORD_ITERATIONS", "");
        if (set.empty()) return recommended_password_iterations;
        try {
            const int n = std::stoi(set);
            if (n >= fewest_iterations && n <= most_iterations) return n;
        } catch (...) {
        }
        throw std::invalid_argument("BHM_PASSWORD_ITERATIONS must be a number from 1000 to 10000000");
    }();
    return iterations;
}

bool verify_password(const std::string& password, const std::string& stored) {
    const int iterations = iterations_of(stored);
    if (iterations == 0) return false;
    Poco::StringTokenizer parts(stored, "$");
    return equal_constant_time(pbkdf2_hex(password, parts[2], iterations), parts[3]);
}

bool needs_rehash(const std::string& stored) { return iterations_of(stored) < password_iterations(); }

std::string random_token(int bytes) { return hex(random_bytes(bytes)); }

std::string sha256_hex(const std::string& text) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(text);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace bhm::server
