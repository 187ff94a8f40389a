// Who is calling: user logins give a short-lived signed token (JWT, HS256);
// scan stations present a long-lived random token that an admin issued and can
// revoke, kept only as its SHA-256. Both resolve to a Caller with a unit.
#pragma once

#include <Poco/Crypto/OpenSSLInitializer.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "db/store.h"
#include "server/http/exchange.h"

namespace bhm::server {

struct LoginResult {
    std::string token;
    Timestamp expires_at;
    Caller caller;
};

// A browser's sign-in: the cookie's token (kept by the server only as its hash) and the
// session's CSRF token, which a cookie-authenticated write must echo in X-CSRF-Token.
struct BrowserSignIn {
    std::string cookie_token, csrf_token;
    Timestamp expires_at;
    Caller caller;
};

class Authenticator {
public:
    Authenticator(db::Store& store, std::string signing_secret, int token_minutes);

    // Empty when the username or password is wrong (the caller does not learn which). `address` is the
    // client's; throws ApiError 429 (with Retry-After) while that username is locked out from it.
    std::optional<LoginResult> login(const std::string& username, const std::string& password,
                                     const std::string& address, Timestamp now);
    // Empty for a bad, expired or revoked token.
    std::optional<Caller> authenticate(const std::string& bearer_token, Timestamp now);

    // The same password check as login, but the proof is a server-side session for a cookie.
    std::optional<BrowserSignIn> start_session(const std::string& username, const std::string& password,
                                               const std::string& address, Timestamp now);
    // Empty for an unknown, ended or expired session, or a deactivated user. The caller's csrf_token is set.
    std::optional<Caller> authenticate_session(const std::string& cookie_token, Timestamp now);
    // Logout: the session is ended on the server; an unknown token is no error.
    void end_session(const std::string& cookie_token, Timestamp now);

    int token_minutes() const { return token_minutes_; }

private:
    Caller caller_for(const db::User& user, db::Transaction& tx);
    // The caller when the password is right and the user active. The attempt is counted before the
    // slow hash, in one write, so a burst of guesses cannot slip past the lockout (lockout.h).
    std::optional<Caller> check_password(const std::string& username, const std::string& password,
                                         const std::string& address, Timestamp now, int& token_version);
    std::optional<Caller> authenticate_user(const std::string& jwt, Timestamp now);
    std::optional<Caller> authenticate_station(const std::string& token);

    // Held for the authenticator's life, so Poco's OpenSSL set-up happens once. Without it every
    // token check's digest engine initialises and uninitialises OpenSSL, and two worker threads
    // crossing that count of zero at once destroy a mutex in use: the server aborted on it under
    // concurrent requests (Poco's advice: hold an initializer when threads share the Crypto library).
    Poco::Crypto::OpenSSLInitializer crypto_;
    db::Store& store_;
    std::string secret_;
    int token_minutes_;
};


}  // namespace bhm::server
