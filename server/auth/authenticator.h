// Who is calling: user logins give a short-lived signed token (JWT, HS256);
// scan stations present a long-lived random token that an admin issued and can
// revoke, kept only as its SHA-256. Both resolve to a Caller with a unit.
#pragma once

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

class Authenticator {
public:
    Authenticator(db::Store& store, std::string signing_secret, int token_minutes);

    // Empty when the username or password is wrong (the caller does not learn which).
    std::optional<LoginResult> login(const std::string& username, const std::string& password, Timestamp now);
    // Empty for a bad, expired or revoked token.
    std::optional<Caller> authenticate(const std::string& bearer_token, Timestamp now);

    int token_minutes() const { return token_minutes_; }

private:
    Caller caller_for(const db::User& user, db::Transaction& tx);
    std::optional<Caller> authenticate_user(const std::string& jwt, Timestamp now);
    std::optional<Caller> authenticate_station(const std::string& token);

    db::Store& store_;
    std::string secret_;
    int token_minutes_;
};

// The signing secret lives in the store's settings; made on first start.
std::string signing_secret(db::Store& store);

}  // namespace bhm::server
