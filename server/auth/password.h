// Password storage: salted PBKDF2-HMAC-SHA256 (Poco::PBKDF2Engine), in one
// self-describing string "pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>".
#pragma once

#include <string>

namespace bhm::server {

std::string hash_password(const std::string& password, int iterations = 60000);
bool verify_password(const std::string& password, const std::string& stored);

// Station tokens and other bearer secrets: random, URL-safe, and kept only as their SHA-256.
std::string random_token(int bytes = 32);
std::string sha256_hex(const std::string& text);

}  // namespace bhm::server
