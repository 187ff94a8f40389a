// bhm-server: configuration (flags, then BHM_* environment, then an optional
// file), the SQLite store, the demo data set, and the HTTP server on Poco.
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Environment.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <Poco/String.h>

#include <algorithm>
#include <functional>
#include <iostream>

#include <sys/stat.h>

#include "db/sqlite/online_backup.h"
#include "server/app.h"
#include "server/auth/signing_key.h"
#include "server/demo/demo_data.h"
#include "server/http/api_pipeline.h"
#include "server/http/http_server.h"
#include "server/http/https_redirect.h"
#include "server/http/tls_context.h"
#include "server/routes/route_support.h"

using Poco::Util::Option;

namespace bhm::server {

class ServerMain : public Poco::Util::ServerApplication {
protected:
    void defineOptions(Poco::Util::OptionSet& options) override {
        ServerApplication::defineOptions(options);
        options.addOption(Option("help", "h", "show the options").callback(
            Poco::Util::OptionCallback<ServerMain>(this, &ServerMain::show_help)));
        options.addOption(Option("port", "p", "TCP port (BHM_PORT; default 8080)").argument("PORT").binding("bhm.port"));
        options.addOption(Option("bind", "b", "address to listen on (BHM_BIND; default 127.0.0.1)")
                              .argument("ADDR").binding("bhm.bind"));
        options.addOption(Option("db", "d", "SQLite file (BHM_DB; default var/bhm.db)").argument("FILE").binding("bhm.db"));
        options.addOption(Option("demo", "", "load the demo data set (BHM_DEMO=1)").binding("bhm.demo"));
        options.addOption(Option("backup", "", "write an online backup of the database to FILE and exit; the "
                                 "server may keep running meanwhile").argument("FILE").binding("bhm.backup"));
        options.addOption(Option("tls-cert", "", "PEM certificate (chain): serve HTTPS (BHM_TLS_CERT)")
                              .argument("FILE").binding("bhm.tls_cert"));
        options.addOption(Option("tls-key", "", "PEM private key for --tls-cert (BHM_TLS_KEY)").argument("FILE").binding("bhm.tls_key"));
        options.addOption(Option("redirect-port", "", "with TLS: a plain-HTTP port that only redirects to https (BHM_REDIRECT_PORT)")
                              .argument("PORT").binding("bhm.redirect_port"));
        options.addOption(Option("key-file", "", "token signing key file, mode 0600 (BHM_KEY_FILE; default beside the database)")
                              .argument("FILE").binding("bhm.key_file"));
        options.addOption(Option("web-root", "", "serve the pages from this folder, not the embedded copy (BHM_WEB_ROOT)")
                              .argument("DIR").binding("bhm.web_root"));
        options.addOption(Option("secure-cookies", "", "mark session cookies Secure, behind TLS (BHM_SECURE_COOKIES=1)")
                              .binding("bhm.secure_cookies"));
        for (const auto& limit : limit_settings())
            options.addOption(Option(limit.flag, "", limit.help).argument(limit.unit).binding("bhm." + limit.flag));
        options.addOption(Option("site-check-max-years", "", "years a site check counts, the unit's own policy "
                                 "(BHM_SITE_CHECK_MAX_YEARS; default 5)").argument("YEARS").binding("bhm.site_check_max_years"));
        options.addOption(Option("config", "c", "optional properties file").argument("FILE").callback(
            Poco::Util::OptionCallback<ServerMain>(this, &ServerMain::load_config)));
    }

    int main(const std::vector<std::string>&) override {
        if (help_) return EXIT_OK;
        setup_logging();
        const std::string db_path = setting("bhm.db", "BHM_DB", "var/bhm.db");
        const int port = std::stoi(setting("bhm.port", "BHM_PORT", "8080"));
        const std::string bind = setting("bhm.bind", "BHM_BIND", "127.0.0.1");
        const bool demo = config().has("bhm.demo") || Poco::Environment::get("BHM_DEMO", "") == "1";
        const int token_minutes = std::stoi(setting("bhm.token_minutes", "BHM_TOKEN_MINUTES", "480"));

        // Everything the server makes (database, WAL, key file, backups) is for its own user alone.
        ::umask(077);
        if (config().has("bhm.backup")) return backup(db_path, config().getString("bhm.backup"));
        tighten_permissions({db_path, db_path + "-wal", db_path + "-shm"});
        auto store = db::open_sqlite_store(db_path);
        tighten_permissions({db_path, db_path + "-wal", db_path + "-shm"});
        SystemClock clock;
        const std::string key_file = setting("bhm.key_file", "BHM_KEY_FILE", default_key_file(db_path));
        Authenticator auth(*store, load_signing_secret(key_file, Poco::Environment::get("BHM_TOKEN_SECRET", "")),
                           token_minutes);
        App app{*store, clock, auth};
        app.secure_cookies = config().has("bhm.secure_cookies") || Poco::Environment::get("BHM_SECURE_COOKIES", "") == "1";
        app.site_check_max_years = std::stoi(setting("bhm.site_check_max_years", "BHM_SITE_CHECK_MAX_YEARS",
                                                     std::to_string(default_site_check_max_years)));
        if (app.site_check_max_years < 1 || app.site_check_max_years > 100)
            throw std::invalid_argument("BHM_SITE_CHECK_MAX_YEARS must be 1 to 100 years");
        if (demo) print_demo(load_demo_data(*store, clock.now(), Poco::Environment::get("BHM_DEMO_PASSWORD", "demo")));

        Router router;
        add_all_routes(router, app);
        const std::string web_root = setting("bhm.web_root", "BHM_WEB_ROOT", "");
        ApiPipeline pipeline(router, auth, clock, web_root.empty() ? WebFiles::embedded() : WebFiles::from_folder(web_root));
        const ConnectionLimits limits = connection_limits();
        const std::size_t files = raise_open_file_limit(limits.max_connections + 64);
        if (files < limits.max_connections + 64)
            Poco::Logger::get("bhm").warning("event=open_file_limit limit=%z max_connections=%z", files,
                                             limits.max_connections);
        // HTTPS when a certificate and key are configured; the plain port then only redirects.
        const std::string cert = setting("bhm.tls_cert", "BHM_TLS_CERT", "");
        const std::string key = setting("bhm.tls_key", "BHM_TLS_KEY", "");
        if (cert.empty() != key.empty()) throw Poco::InvalidArgumentException("TLS needs both --tls-cert and --tls-key");
        std::unique_ptr<TlsContext> tls;
        if (!cert.empty()) {
            tls = std::make_unique<TlsContext>(cert, key);
            app.secure_cookies = true;
        }
        HttpServer server(pipeline, limits, tls.get());
        const auto bound = server.listen(bind, static_cast<std::uint16_t>(port));
        server.start();
        std::unique_ptr<HttpsRedirect> redirect;
        std::unique_ptr<HttpServer> plain;
        const std::string redirect_port = setting("bhm.redirect_port", "BHM_REDIRECT_PORT", "");
        if (tls && !redirect_port.empty()) {
            redirect = std::make_unique<HttpsRedirect>(bound);
            plain = std::make_unique<HttpServer>(*redirect, limits);
            const auto plain_port = plain->listen(bind, static_cast<std::uint16_t>(std::stoi(redirect_port)));
            plain->start();
            std::cout << "bhm-server redirects http://" << bind << ":" << plain_port << "/ to https" << std::endl;
        }
        const std::string scheme = tls ? "https" : "http";
        Poco::Logger::get("bhm").information(
            "event=started addr=%s port=%hu db=%s workers=%d queue=%z max_connections=%z per_address=%z",
            bind, bound, db_path, limits.worker_threads, limits.max_queued_requests, limits.max_connections,
            limits.max_connections_per_address);
        std::cout << "bhm-server listening on " << scheme << "://" << bind << ":" << bound << "/api/v1" << std::endl;
        std::cout << "Sign in with a browser at " << scheme << "://" << bind << ":" << bound << "/" << std::endl;
        waitForTerminationRequest();
        if (plain) plain->stop();
        server.stop();
        return EXIT_OK;
    }

private:
    void show_help(const std::string&, const std::string&) {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setHeader("BHM Tracker server: the REST API over the device store.");
        help.format(std::cout);
        help_ = true;
        stopOptionsProcessing();
    }

    void load_config(const std::string&, const std::string& file) { loadConfiguration(file); }

    int backup(const std::string& db_path, const std::string& target) {
        try {
            const auto result = db::backup_sqlite(db_path, target);
            std::cout << "backup of " << db_path << " written to " << target << ": " << result.pages << " pages, "
                      << result.bytes << " bytes" << std::endl;
            return EXIT_OK;
        } catch (const std::exception& e) {
            std::cerr << "backup failed: " << e.what() << std::endl;
            return EXIT_IOERR;
        }
    }

    // var/bhm.db → var/bhm.key
    static std::string default_key_file(const std::string& db_path) {
        const auto dot = db_path.rfind('.');
        const auto slash = db_path.rfind('/');
        const bool has_extension = dot != std::string::npos && (slash == std::string::npos || dot > slash);
        return (has_extension ? db_path.substr(0, dot) : db_path) + ".key";
    }

    // Files an older server left readable by others (0644) become the server's alone.
    static void tighten_permissions(const std::vector<std::string>& paths) {
        for (const auto& path : paths) ::chmod(path.c_str(), 0600);
    }

    // The connection settings (server/http/connection_limits.h says why each default is what it is):
    // flag --NAME, environment BHM_NAME in upper case with underscores, a count or seconds.
    struct LimitSetting {
        std::string flag, help, unit;
        std::function<void(ConnectionLimits&, double)> set;
    };
    static std::vector<LimitSetting> limit_settings() {
        using ms = ConnectionLimits::ms;
        auto seconds = [](ms ConnectionLimits::*field) {
            return [field](ConnectionLimits& l, double v) { l.*field = ms(static_cast<long long>(v * 1000)); };
        };
        auto count = [](std::size_t ConnectionLimits::*field) {
            return [field](ConnectionLimits& l, double v) { l.*field = static_cast<std::size_t>(v); };
        };
        return {
            {"http-workers", "worker threads for whole requests (default 32)", "N",
             [](ConnectionLimits& l, double v) { l.worker_threads = static_cast<int>(v); }},
            {"http-queue", "whole requests waiting for a worker before 503 (default 512)", "N", count(&ConnectionLimits::max_queued_requests)},
            {"max-connections", "open sockets in all (default 4096)", "N", count(&ConnectionLimits::max_connections)},
            {"max-connections-per-address", "open sockets from one client address (default 256)", "N",
             count(&ConnectionLimits::max_connections_per_address)},
            {"busy-connections", "open sockets above which idle ones close sooner (default 256)", "N",
             count(&ConnectionLimits::busy_connections)},
            {"idle-timeout", "seconds an idle keep-alive socket is kept (default 10)", "S", seconds(&ConnectionLimits::idle_timeout)},
            {"busy-idle-timeout", "the same when busy (default 2)", "S", seconds(&ConnectionLimits::busy_idle_timeout)},
            {"header-timeout", "seconds for a request head to arrive whole (default 10)", "S", seconds(&ConnectionLimits::header_timeout)},
            {"body-timeout", "seconds for a request body to arrive whole (default 30)", "S", seconds(&ConnectionLimits::body_timeout)},
            {"send-timeout", "seconds for a client to take its answer (default 10)", "S", seconds(&ConnectionLimits::send_timeout)},
        };
    }

    ConnectionLimits connection_limits() {
        ConnectionLimits limits;
        for (const auto& limit : limit_settings()) {
            std::string env = "BHM_" + Poco::toUpper(limit.flag);
            std::replace(env.begin(), env.end(), '-', '_');
            const std::string text = setting("bhm." + limit.flag, env, "");
            if (text.empty()) continue;
            double value = 0;
            try {
                std::size_t used = 0;
                value = std::stod(text, &used);
                if (used != text.size() || value <= 0 || value > 1e7) throw std::invalid_argument(text);
            } catch (const std::exception&) {
                throw Poco::InvalidArgumentException("--" + limit.flag + " (" + env + ") must be a positive number, not '" + text + "'");
            }
            limit.set(limits, value);
        }
        return limits;
    }

    // Flag (bound into the configuration) first, then the environment, then the built-in default.
    std::string setting(const std::string& key, const std::string& env, const std::string& fallback) {
        if (config().has(key) && !config().getString(key).empty()) return config().getString(key);
        return Poco::Environment::get(env, fallback);
    }

    void setup_logging() {
        Poco::AutoPtr<Poco::PatternFormatter> format(new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%SZ %p %s %t"));
        Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(format, new Poco::ConsoleChannel));
        Poco::Logger::root().setChannel(channel);
        Poco::Logger::root().setLevel(Poco::Environment::get("BHM_LOG_LEVEL", "information"));
    }

    static void print_demo(const DemoSummary& demo) {
        std::cout << "Demo data: " << demo.devices << " devices, " << demo.patients << " patients, " << demo.cases
                  << " cases, " << demo.open_loans << " open loans (" << demo.overdue_loans << " overdue)\n";
        std::cout << "Demo users (password '" << demo.password << "'):\n";
        for (const auto& user : demo.users)
            std::cout << "  " << user.username << "  role=" << user.role << "  unit=" << user.unit_code << "\n";
        if (!demo.station_token.empty())
            std::cout << "Demo scan station '" << demo.station_name << "' token: " << demo.station_token << "\n";
        if (!demo.note.empty()) std::cout << demo.note << "\n";
        std::cout << std::flush;
    }

    bool help_ = false;
};

}  // namespace bhm::server

POCO_SERVER_MAIN(bhm::server::ServerMain)
