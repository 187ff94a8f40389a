// Who is calling: user logins give a short-lived signed token (JWT, HS256);
// scan stations present a long-lived random token that an admin issued and can
// revoke, kept only as its SHA-256. Both resolve to a Caller with a unit.
#pragma once

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

    // Empty when the username or password is wrong (the caller does not learn which).
    std::optional<LoginResult> login(const std::string& username, const std::string& password, Timestamp now);
    // Empty for a bad, expired or revoked token.
    std::optional<Caller> authenticate(const std::string& bearer_token, Timestamp now);

    // The same password check as login, but the proof is a server-side session for a cookie.
    std::optional<BrowserSignIn> start_session(const std::string& username, const std::string& password, Timestamp now);
    // Empty for an unknown, ended or expired session, or a deactivated user. The caller's csrf_token is set.
    std::optional<Caller> authenticate_session(const std::string& cookie_token, Timestamp now);
    // Logout: the session is ended on the server; an unknown token is no error.
    void end_session(const std::string& cookie_token, Timestamp now);

    // After max_failures wrong passwords for one username within lockout_seconds, that username
    // is refused (429) until lockout_seconds after the last failure: online guessing stays slow.
    static constexpr int max_failures = 5;
    static constexpr std::int64_t lockout_seconds = 15 * 60;
    bool locked_out(const std::string& username, Timestamp now);

    int token_minutes() const { return token_minutes_; }

private:
    Caller caller_for(const db::User& user, db::Transaction& tx);
    // The user and caller when the password is right and the user active; counts a failure otherwise.
    std::optional<Caller> check_password(const std::string& username, const std::string& password, Timestamp now);
    std::optional<Caller> authenticate_user(const std::string& jwt, Timestamp now);
    std::optional<Caller> authenticate_station(const std::string& token);

    void note_failure(const std::string& username, Timestamp now);

    db::Store& store_;
    std::string secret_;
    int token_minutes_;
    struct Failures { int count = 0; std::int64_t last = 0; };
    std::mutex failures_mutex_;
    std::map<std::string, Failures> failures_;   // by username, bounded (see note_failure)
};

// The signing secret lives in the store's settings; made on first start.
std::string signing_secret(db::Store& store);

}  // namespace bhm::server
