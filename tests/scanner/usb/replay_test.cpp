// The real bhm-scan binary against recorded USB traffic: each test runs
// `umockdev-run -d <device> -i /dev/bus/usb/001/NNN=<trace> -- bhm-scan ...` with the
// traces in hardware/traces, and checks the scans `listen --print` writes as JSON lines
// and the readers `list` shows. No hardware is needed; libusb runs unmodified.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace {

const std::string traces = std::string(BHM_SOURCE_DIR) + "/hardware/traces/";
const std::string readers_file = std::string(BHM_SOURCE_DIR) + "/hardware/scanners.json";
const std::string bhm_scan = std::string(BHM_BIN_DIR) + "/bhm-scan";

struct Trace {
    std::string name;
    int devnum;  // /dev/bus/usb/001/<devnum>, as written by make_traces.py
};
const Trace wedge{"wedge_no_gs1", 2}, pos{"hid_pos_two_reports", 3}, cdc{"cdc_acm_two_scans", 4},
    keyboard{"keyboard_plain", 5}, unplug{"cdc_acm_unplug", 6};

struct Run {
    int exit_code = -1;
    std::string out, err;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Run run_shell(const std::string& command) {
    char err_path[] = "/tmp/bhm_usb_replay_XXXXXX";
    int fd = mkstemp(err_path);
    REQUIRE(fd >= 0);
    close(fd);
    Run r;
    FILE* p = popen((command + " 2>" + err_path).c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err_path);
    std::remove(err_path);
    return r;
}

// bhm-scan under umockdev with the given devices; `with_traffic` also replays their ioctls.
Run bhm_scan_with(const std::vector<Trace>& devices, const std::string& arguments, bool with_traffic = true) {
    REQUIRE(access(bhm_scan.c_str(), X_OK) == 0);  // bhm-scan must be built into BHM_BIN_DIR
    std::string cmd = "timeout 60 umockdev-run";
    for (const auto& t : devices) {
        cmd += " -d " + traces + t.name + ".umockdev";
        if (with_traffic) {
            char node[32];
            std::snprintf(node, sizeof node, "/dev/bus/usb/001/%03d", t.devnum);
            cmd += std::string(" -i ") + node + "=" + traces + t.name + ".ioctl";
        }
    }
    cmd += " -- " + bhm_scan + " " + arguments + " --readers " + readers_file;
    Run r = run_shell(cmd);
    INFO("command: " << cmd << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code != 127);  // umockdev-run (Debian package umockdev) must be installed
    return r;
}

std::vector<Poco::JSON::Object::Ptr> json_lines(const std::string& out) {
    std::vector<Poco::JSON::Object::Ptr> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        INFO("line: " << line);
        lines.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
    }
    return lines;
}

// A clean run: nothing dropped, every setup request answered.
bool clean(const Run& r) {
    return r.err.find("event=decode_problem") == std::string::npos &&
           r.err.find("_not_set") == std::string::npos && r.err.find("claim_failed") == std::string::npos;
}

std::string field(const Poco::JSON::Object::Ptr& o, const std::string& key) {
    return o->has(key) ? o->getValue<std::string>(key) : std::string("<missing>");
}

}  // namespace

TEST_CASE("a Norwegian keyboard-wedge scan of a GS1 DataMatrix with a group separator is read whole") {
    Run r = bhm_scan_with({wedge}, "listen --print --max-scans 1 --timeout 20 --layout no");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto scans = json_lines(r.out);
    REQUIRE(scans.size() == 1);
    CHECK(field(scans[0], "symbology") == "]d2");
    CHECK(field(scans[0], "scheme") == "gs1");
    CHECK(field(scans[0], "gtin") == "09506000134352");
    CHECK(field(scans[0], "expiry") == "2027-01-01");
    CHECK(field(scans[0], "lot") == "ABC123");  // ends at the group separator
    CHECK(field(scans[0], "serial") == "SN42");
    CHECK(field(scans[0], "reader") == "05e0:1200");
    CHECK(clean(r));
}

TEST_CASE("the same Norwegian wedge traffic read with the US layout gives no scan but a dropped-scan note") {
    Run r = bhm_scan_with({wedge}, "listen --print --timeout 2 --layout us");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(json_lines(r.out).empty());
    CHECK(r.err.find("scan dropped: key 0x26") != std::string::npos);
}

TEST_CASE("a HID POS scan spread over two reports arrives as one scan with its AIM symbology") {
    Run r = bhm_scan_with({pos}, "listen --print --max-scans 1 --timeout 20");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto scans = json_lines(r.out);
    REQUIRE(scans.size() == 1);
    CHECK(field(scans[0], "symbology") == "]d2");
    CHECK(field(scans[0], "gtin") == "09506000134352");
    CHECK(field(scans[0], "lot") == "LOT-2026-0001-ABCDEF");
    CHECK(field(scans[0], "serial") == "SN000000000000004242");
    CHECK(field(scans[0], "reader") == "16c0:03e9");
    CHECK(clean(r));
}

TEST_CASE("a CDC-ACM reader's lines arrive as scans whether CR LF is split across bulk packets or not") {
    Run r = bhm_scan_with({cdc}, "listen --print --max-scans 2 --timeout 20");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto scans = json_lines(r.out);
    REQUIRE(scans.size() == 2);
    CHECK(field(scans[0], "symbology") == "]C1");
    CHECK(field(scans[0], "lot") == "LOT7");
    CHECK(field(scans[0], "expiry") == "2027-01-01");
    CHECK(field(scans[1], "serial") == "SN43");
    CHECK(field(scans[1], "reader") == "05e0:1701");
    CHECK(clean(r));
}

TEST_CASE("a reader that is unplugged is dropped while bhm-scan keeps running and claims it again") {
    Run r = bhm_scan_with({unplug}, "listen --print --max-scans 2 --timeout 20");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto scans = json_lines(r.out);
    REQUIRE(scans.size() == 2);  // the second scan only comes after the reader was claimed again
    CHECK(field(scans[0], "serial") == "SN44");
    CHECK(field(scans[1], "serial") == "SN44");
    CHECK(r.err.find("event=dropped reader=05e0:1701") != std::string::npos);
    CHECK(r.err.find("unplugged") != std::string::npos);
}

TEST_CASE("bhm-scan list shows each reader with its personality and leaves out a plain keyboard") {
    Run r = bhm_scan_with({wedge, pos, cdc, keyboard}, "list", false);
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("05e0:1200  keyboard_wedge") != std::string::npos);
    CHECK(r.out.find("16c0:03e9  hid_pos") != std::string::npos);
    CHECK(r.out.find("05e0:1701  cdc_acm") != std::string::npos);
    CHECK(r.out.find("16c0:03e8") == std::string::npos);
}

TEST_CASE("a plain keyboard typing is never read unless it is named with --device") {
    Run ignored = bhm_scan_with({keyboard}, "listen --print --timeout 2");
    INFO(ignored.err);
    CHECK(ignored.exit_code == 0);
    CHECK(json_lines(ignored.out).empty());
    CHECK(ignored.err.find("16c0:03e8 is a keyboard and is not claimed") != std::string::npos);

    Run named = bhm_scan_with({keyboard}, "listen --print --max-scans 1 --timeout 20 --device 16c0:03e8");
    INFO(named.err);
    REQUIRE(named.exit_code == 0);
    auto scans = json_lines(named.out);
    REQUIRE(scans.size() == 1);
    CHECK(field(scans[0], "text") == "hello");
    CHECK(bhm_scan_with({keyboard}, "list --device 16c0:03e8", false).out.find("16c0:03e8  keyboard_wedge") !=
          std::string::npos);
}

TEST_CASE("the committed traces are exactly what make_traces.py writes") {
    Run r = run_shell("python3 " + traces + "make_traces.py --check");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
}
