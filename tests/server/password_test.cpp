// Passwords are stored as salted PBKDF2 hashes and verified against them.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "server/auth/password.h"

using namespace bhm::server;

TEST_CASE("a stored password is a salted PBKDF2 hash that verifies only the right password") {
    auto stored = hash_password("s3cret", 1000);
    CHECK(stored.rfind("pbkdf2-sha256$1000$", 0) == 0);
    CHECK(stored.find("s3cret") == std::string::npos);
    CHECK(verify_password("s3cret", stored));
    CHECK_FALSE(verify_password("S3cret", stored));
    CHECK_FALSE(verify_password("", stored));
}

TEST_CASE("the same password hashes differently each time because of the salt") {
    CHECK(hash_password("demo", 1000) != hash_password("demo", 1000));
}

TEST_CASE("a malformed stored hash never verifies") {
    CHECK_FALSE(verify_password("demo", ""));
    CHECK_FALSE(verify_password("demo", "plain-text"));
    CHECK_FALSE(verify_password("demo", "pbkdf2-sha256$abc$00$00"));
    CHECK_FALSE(verify_password("demo", "pbkdf2-sha256$10$00$00"));
}

TEST_CASE("station tokens are random and kept as their SHA-256") {
    auto a = random_token(), b = random_token();
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("PBKDF2-HMAC-SHA256 gives the known answer for password, salt, 4096 iterations") {
    // The widely published vector for P = "password", S = "salt", c = 4096, dkLen = 32.
    CHECK(verify_password("password",
                          "pbkdf2-sha256$4096$salt$c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"));
    CHECK_FALSE(verify_password("passwork",
                                "pbkdf2-sha256$4096$salt$c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"));
}

TEST_CASE("new hashes get OWASP's 600,000 iterations unless BHM_PASSWORD_ITERATIONS says otherwise") {
    CHECK(recommended_password_iterations == 600000);
    if (std::getenv("BHM_PASSWORD_ITERATIONS") == nullptr) CHECK(password_iterations() == 600000);
}

TEST_CASE("a hash made with fewer iterations than new ones get is due for a rehash") {
    CHECK(needs_rehash(hash_password("demo", 1000)) == (password_iterations() > 1000));
    CHECK_FALSE(needs_rehash("pbkdf2-sha256$" + std::to_string(password_iterations()) + "$00$00"));
    CHECK(needs_rehash("not a hash"));
}
