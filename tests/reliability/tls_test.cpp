// HTTPS with a self-signed certificate made at test time: the API answers over TLS (verified by
// curl against that certificate), the session cookie is Secure, the plain port only redirects,
// and plain HTTP spoken to the TLS port is dropped without harm to anyone else.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <Poco/TemporaryFile.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "raw_connection.h"
#include "server_process.h"

extern char** environ;

using namespace bhm;
using namespace std::chrono_literals;

namespace {

// bhm-server with TLS on its own port and a redirect port; stopped when the object goes.
class TlsServer {
public:
    TlsServer() : folder_(Poco::TemporaryFile::tempName() + "-bhm-tls") {
        std::filesystem::create_directories(folder_);
        auto made = e2e::run_program({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                                      folder_ + "/key.pem", "-out", cert(), "-days", "2", "-subj", "/CN=127.0.0.1",
                                      "-addext", "subjectAltName=IP:127.0.0.1"});
        REQUIRE(made.exit_code == 0);
        // Port 0 for both: the server binds free ones and prints them, so no other test server can take them.
        const std::vector<std::string> args{e2e::binary_path("bhm-server"), "--demo", "--port", "0",
                                            "--redirect-port", "0", "--tls-cert", cert(),
                                            "--tls-key", folder_ + "/key.pem", "--db", folder_ + "/bhm.db"};
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        setenv("BHM_PASSWORD_ITERATIONS", "1000", 1);
        setenv("BHM_DEMO_PASSWORD", "tls-demo-password", 1);
        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        posix_spawn_file_actions_addopen(&files, 1, (folder_ + "/stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&files, 2, (folder_ + "/stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(posix_spawn(&pid_, argv[0], &files, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&files);
        for (int i = 0; i < 300 && printed().find("listening on https://") == std::string::npos; ++i)
            std::this_thread::sleep_for(100ms);
        port = printed_port("listening on https://127.0.0.1:");
        redirect_port = printed_port("redirects http://127.0.0.1:");
        REQUIRE(port != 0);
        REQUIRE(redirect_port != 0);
    }
    ~TlsServer() {
        if (pid_ > 0) {   // never kill(-1, ...): that would signal every process
            kill(pid_, SIGTERM);
            int status = 0;
            waitpid(pid_, &status, 0);
        }
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
    }
    std::string cert() const { return folder_ + "/cert.pem"; }
    std::string printed() const {
        std::ifstream in(folder_ + "/stdout.txt");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    // The port printed after `prefix` (e.g. "listening on https://127.0.0.1:"), 0 when not printed.
    std::uint16_t printed_port(const std::string& prefix) const {
        const std::string text = printed();
        const auto at = text.find(prefix);
        if (at == std::string::npos) return 0;
        return static_cast<std::uint16_t>(std::stoi(text.substr(at + prefix.size())));
    }
    // curl verifying the server against the test's own certificate; -i prints the head.
    e2e::ProgramRun curl(const std::vector<std::string>& more) const {
        std::vector<std::string> args{"/usr/bin/curl", "-s", "-i", "--max-time", "5", "--cacert", cert()};
        args.insert(args.end(), more.begin(), more.end());
        return e2e::run_program(args);
    }
    std::uint16_t port = 0, redirect_port = 0;

private:
    std::string folder_;
    pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("with a certificate the API is served over verified HTTPS and the session cookie is Secure", "[reliability][tls]") {
    TlsServer server;
    const std::string base = "https://127.0.0.1:" + std::to_string(server.port);
    auto health = server.curl({base + "/api/v1/health"});
    INFO(health.describe());
    REQUIRE(health.exit_code == 0);
    CHECK(health.out.rfind("HTTP/1.1 200", 0) == 0);
    auto session = server.curl({"-H", "Content-Type: application/json", "-d",
                                R"({"username":"warehouse","password":"tls-demo-password"})", base + "/api/v1/auth/session"});
    INFO(session.describe());
    CHECK(session.out.find("HTTP/1.1 200") == 0);
    CHECK(session.out.find("; Secure") != std::string::npos);
}

TEST_CASE("with TLS the plain HTTP port only redirects to https, keeping the path", "[reliability][tls]") {
    TlsServer server;
    auto answer = server.curl({"http://127.0.0.1:" + std::to_string(server.redirect_port) + "/api/v1/devices?limit=5"});
    INFO(answer.describe());
    CHECK(answer.out.rfind("HTTP/1.1 308 Permanent Redirect", 0) == 0);
    CHECK(answer.out.find("Location: https://127.0.0.1:" + std::to_string(server.port) + "/api/v1/devices?limit=5") !=
          std::string::npos);
    CHECK(answer.out.find("\"items\"") == std::string::npos);   // nothing is served in the clear
}

TEST_CASE("plain HTTP spoken to the TLS port is dropped, and HTTPS goes on being served", "[reliability][tls]") {
    TlsServer server;
    reliability::RawConnection plain(server.port);
    REQUIRE(plain.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
    CHECK_FALSE(plain.read_answer(2s));
    CHECK(plain.closed_by_server(2s));
    auto health = server.curl({"https://127.0.0.1:" + std::to_string(server.port) + "/api/v1/health"});
    CHECK(health.out.rfind("HTTP/1.1 200", 0) == 0);
}
