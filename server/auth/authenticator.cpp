// Login and bearer-token checks over Poco::JWT and the Store.
#include "server/auth/authenticator.h"

#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Timestamp.h>

#include <Poco/Logger.h>

#include "server/auth/lockout.h"
#include "server/auth/password.h"
#include "server/http/error_mapping.h"
#include "server/http/problem.h"

namespace bhm::server {

Authenticator::Authenticator(db::Store& store, std::string signing_secret, int token_minutes)
    : store_(store), secret_(std::move(signing_secret)), token_minutes_(token_minutes) {}

Caller Authenticator::caller_for(const db::User& user, db::Transaction& tx) {
    Caller caller;
    caller.kind = Caller::Kind::user;
    caller.id = user.id;
    caller.unit_id = user.unit_id;
    caller.name = user.username;
    caller.role = user.role;
    if (auto unit = tx.unit(user.unit_id)) caller.region_id = unit->region_id;
    return caller;
}

std::optional<Caller> Authenticator::check_password(const std::string& username, const std::string& password,
                                                   const std::string& address, Timestamp now, int& token_version) {
    const std::string key = username.substr(0, 100);
    std::int64_t wait = 0;
    std::optional<db::User> user;
    std::optional<Caller> caller;
    store_.write([&](db::Transaction& tx) {
        auto recorded = tx.login_failures(key, address);
        const std::int64_t since = recorded ? now.unix_seconds - recorded->last_failure_at.unix_seconds
                                            : lockout::window_seconds;
        const int counted = lockout::counted_failures(recorded ? recorded->failures : 0, since);
        wait = lockout::wait_seconds(counted, since);
        if (wait > 0) return;
        tx.put_login_failures(db::LoginFailures{key, address, counted + 1, now});   // until the hash says otherwise
        user = tx.user_by_name(username);
        if (user) caller = caller_for(*user, tx);
    });
    auto& log = Poco::Logger::get("bhm.auth");
    if (wait > 0) {
        log.warning("event=login_locked_out username=%s address=%s wait_s=%Ld", log_safe(key), log_safe(address),
                    static_cast<long long>(wait));
        ApiError locked(429, Refusal{"too_many_attempts",
                                     "Too many wrong passwords for this user from this address; try again in " +
                                         std::to_string((wait + 59) / 60) + " minute(s).",
                                     ""});
        locked.headers["Retry-After"] = std::to_string(wait);
        throw locked;
    }
    // PBKDF2 runs outside the store's lock. Unknown users are checked against a dummy hash,
    // so timing does not reveal which names exist.
    static const std::string dummy = hash_password("not a real password");
    const bool ok = verify_password(password, user ? user->password_hash : dummy);
    if (!user || !ok || !user->active) {
        log.warning("event=login_failed username=%s address=%s", log_safe(key), log_safe(address));
        return std::nullopt;
    }
    // A hash made with fewer iterations than new ones get is replaced now, while the password is known.
    const std::string rehashed = needs_rehash(user->password_hash) ? hash_password(password) : "";
    store_.write([&](db::Transaction& tx) {
        tx.clear_login_failures(key, address);
        if (rehashed.empty()) return;
        if (auto current = tx.user(user->id); current && current->password_hash == user->password_hash) {
            current->password_hash = rehashed;
            tx.update_user(*current);
        }
    });
    token_version = user->token_version;
    return caller;
}

std::optional<LoginResult> Authenticator::login(const std::string& username, const std::string& password,
                                                const std::string& address, Timestamp now) {
    int version = 0;
    auto caller = check_password(username, password, address, now, version);
    if (!caller) return std::nullopt;
    LoginResult login;
    login.caller = *caller;
    login.expires_at = Timestamp{now.unix_seconds + token_minutes_ * 60LL};
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setSubject(std::to_string(caller->id));
    token.setIssuedAt(Poco::Timestamp::fromEpochTime(now.unix_seconds));
    token.setExpiration(Poco::Timestamp::fromEpochTime(login.expires_at.unix_seconds));
    token.payload().set("ver", version);
    Poco::JWT::Signer signer(secret_);
    login.token = signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
    return login;
}

std::optional<BrowserSignIn> Authenticator::start_session(const std::string& username, const std::string& password,
                                                          const std::string& address, Timestamp now) {
    int version = 0;
    auto caller = check_password(username, password, address, now, version);
    if (!caller) return std::nullopt;
    BrowserSignIn in;
    in.cookie_token = random_token(32);
    in.csrf_token = random_token(16);
    in.expires_at = Timestamp{now.unix_seconds + token_minutes_ * 60LL};
    in.caller = *caller;
    in.caller.csrf_token = in.csrf_token;
    store_.write([&](db::Transaction& tx) {
        tx.insert_browser_session(db::BrowserSession{0, sha256_hex(in.cookie_token), caller->id, in.csrf_token,
                                                     version, now, in.expires_at, std::nullopt});
    });
    return in;
}

std::optional<Caller> Authenticator::authenticate_session(const std::string& cookie_token, Timestamp now) {
    if (cookie_token.empty() || cookie_token.size() > 256) return std::nullopt;
    std::optional<Caller> caller;
    store_.read([&](db::Transaction& tx) {
        auto session = tx.browser_session(sha256_hex(cookie_token));
        if (!session || session->ended_at || session->expires_at.unix_seconds <= now.unix_seconds) return;
        auto user = tx.user(session->user_id);
        if (!user || !user->active || user->token_version != session->token_version) return;
        caller = caller_for(*user, tx);
        caller->csrf_token = session->csrf_token;
    });
    return caller;
}

void Authenticator::end_session(const std::string& cookie_token, Timestamp now) {
    if (cookie_token.empty() || cookie_token.size() > 256) return;
    store_.write([&](db::Transaction& tx) { tx.end_browser_session(sha256_hex(cookie_token), now); });
}

std::optional<Caller> Authenticator::authenticate_user(const std::string& jwt, Timestamp now) {
    Poco::JWT::Signer signer(secret_);
    Poco::JWT::Token token;
    try {
        if (!signer.tryVerify(jwt, token)) return std::nullopt;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
    if (!token.payload().has("exp") || token.getExpiration().epochTime() <= now.unix_seconds) return std::nullopt;
    db::Id user_id = 0;
    int version = -1;
    try {
        user_id = std::stoll(token.getSubject());
        if (token.payload().has("ver")) version = token.payload().getValue<int>("ver");
    } catch (...) {
        return std::nullopt;
    }
    std::optional<Caller> caller;
    store_.read([&](db::Transaction& tx) {
        auto user = tx.user(user_id);
        if (user && user->active && user->token_version == version) caller = caller_for(*user, tx);
    });
    return caller;
}

std::optional<Caller> Authenticator::authenticate_station(const std::string& token) {
    std::optional<Caller> caller;
    store_.read([&](db::Transaction& tx) {
        auto station = tx.station_by_token_hash(sha256_hex(token));
        if (!station || station->revoked_at) return;
        Caller c;
        c.kind = Caller::Kind::station;
        c.id = station->id;
        c.unit_id = station->unit_id;
        c.name = station->name;
        c.role = "station";
        if (auto unit = tx.unit(station->unit_id)) c.region_id = unit->region_id;
        caller = c;
    });
    return caller;
}

std::optional<Caller> Authenticator::authenticate(const std::string& bearer_token, Timestamp now) {
    if (bearer_token.empty() || bearer_token.size() > 4096) return std::nullopt;
    // JWTs have three dot-separated parts; station tokens are plain hex.
    if (bearer_token.find('.') != std::string::npos) return authenticate_user(bearer_token, now);
    return authenticate_station(bearer_token);
}

}  // namespace bhm::server
