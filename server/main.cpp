// bhm-server: configuration (flags, then BHM_* environment, then an optional
// file), the SQLite store, the demo data set, and the HTTP server on Poco.
#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Environment.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>

#include "server/app.h"
#include "server/demo/demo_data.h"
#include "server/http/api_handler.h"
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

        auto store = db::open_sqlite_store(db_path);
        SystemClock clock;
        Authenticator auth(*store, signing_secret(*store), token_minutes);
        App app{*store, clock, auth};
        app.site_check_max_years = std::stoi(setting("bhm.site_check_max_years", "BHM_SITE_CHECK_MAX_YEARS",
                                                     std::to_string(default_site_check_max_years)));
        if (app.site_check_max_years < 1 || app.site_check_max_years > 100)
            throw std::invalid_argument("BHM_SITE_CHECK_MAX_YEARS must be 1 to 100 years");
        if (demo) print_demo(load_demo_data(*store, clock.now(), Poco::Environment::get("BHM_DEMO_PASSWORD", "demo")));

        Router router;
        add_all_routes(router, app);
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(bind, static_cast<Poco::UInt16>(port)));
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(16);
        params->setMaxQueued(256);
        params->setKeepAlive(true);
        Poco::Net::HTTPServer server(new ApiHandlerFactory(router, auth, clock), socket, params);
        server.start();
        Poco::Logger::get("bhm").information("event=started addr=%s port=%d db=%s", bind, port, db_path);
        std::cout << "bhm-server listening on http://" << bind << ":" << socket.address().port() << "/api/v1" << std::endl;
        waitForTerminationRequest();
        server.stopAll(true);
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
