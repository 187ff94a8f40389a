// Password storage: salted PBKDF2-HMAC-SHA256, in one self-describing string
// "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>". 600,000 iterations (OWASP's floor for
// PBKDF2-HMAC-SHA256), computed by OpenSSL (the library under Poco::Crypto): Poco's own SHA-2
// engine takes four times as long for the same hash. A hash made with fewer iterations is
// replaced at the user's next login.
#pragma once

#include <string>

namespace bhm::server {

constexpr int recommended_password_iterations = 600'000;

// The iterations new hashes get: BHM_PASSWORD_ITERATIONS when set (at least 1,000; the test
// suites set it low to start hundreds of servers), else recommended_password_iterations.
int password_iterations();

std::string hash_password(const std::string& password, int iterations = password_iterations());
// Constant-time comparison of the derived key.
bool verify_password(const std::string& password, const std::string& stored);
// True when `stored` was made with fewer iterations than new hashes get.
bool needs_rehash(const std::string& stored);

// Station tokens and other bearer secrets: random, URL-safe, and kept only as their SHA-256.
std::string random_token(int bytes = 32);
std::string sha256_hex(const std::string& text);

}  // namespace bhm::server
