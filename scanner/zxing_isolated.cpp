// fork(), read in the child, send length-prefixed records back through a pipe, _exit.
// The parent reads everything, then waitpid()s; anything but a clean exit 0 with a
// complete record stream counts as a crash of the reader.
#define ZX_USE_UTF8
#include "scanner/zxing_isolated.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <ZXing/ReadBarcode.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bhm::scan {

namespace {

void put_string(std::string& out, const std::string& s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

void put_int(std::string& out, int n) { put_string(out, std::to_string(n)); }

bool get_string(const std::string& in, std::size_t& pos, std::string& s) {
    auto colon = in.find(':', pos);
    if (colon == std::string::npos || colon == pos || colon - pos > 9) return false;
    const std::size_t len = std::stoul(in.substr(pos, colon - pos));
    if (colon + 1 + len > in.size()) return false;
    s = in.substr(colon + 1, len);
    pos = colon + 1 + len;
    return true;
}

bool get_int(const std::string& in, std::size_t& pos, int& n) {
    std::string s;
    if (!get_string(in, pos, s) || s.empty() || s.size() > 10) return false;
    n = std::stoi(s);
    return true;
}

std::string read_in_child(const GreyImage& image, ReadAttempt attempt) {
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(attempt.downscale);
    hints.setFormats(ZXing::BarcodeFormat::Any);
    if (attempt.first_only) hints.setMaxNumberOfSymbols(1);
    ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    std::string out;
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid()) continue;
        const auto& bytes = result.bytes();
        std::string content(bytes.begin(), bytes.end());
        if (content.empty()) content = result.text();
        put_string(out, result.symbologyIdentifier() + content);
        put_string(out, ZXing::ToString(result.format()));
        int left = image.width, top = image.height, right = 0, bottom = 0;
        for (const auto& p : result.position()) {
            left = std::min(left, p.x);
            top = std::min(top, p.y);
            right = std::max(right, p.x);
            bottom = std::max(bottom, p.y);
        }
        for (int v : {left, top, right, bottom}) put_int(out, v);
        put_int(out, ZXing::BarcodeFormats(ZXing::BarcodeFormat::LinearCodes).testFlag(result.format()) ? 1 : 0);
    }
    out += "end";
    return out;
}

std::optional<std::vector<FoundSymbol>> parse_records(const std::string& in) {
    std::vector<FoundSymbol> found;
    std::size_t pos = 0;
    try {
        while (pos < in.size() && in.compare(pos, std::string::npos, "end") != 0) {
            FoundSymbol s;
            int linear = 0;
            if (!get_string(in, pos, s.raw) || !get_string(in, pos, s.format) || !get_int(in, pos, s.left) ||
                !get_int(in, pos, s.top) || !get_int(in, pos, s.right) || !get_int(in, pos, s.bottom) ||
                !get_int(in, pos, linear))
                return std::nullopt;
            s.linear = linear != 0;
            found.push_back(std::move(s));
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (in.compare(pos, std::string::npos, "end") != 0) return std::nullopt;  // cut short
    return found;
}

}  // namespace

std::optional<std::vector<FoundSymbol>> read_symbols_isolated(const GreyImage& image, ReadAttempt attempt) {
    int fds[2];
    if (::pipe(fds) != 0) return std::nullopt;
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return std::nullopt;
    }
    if (child == 0) {
        ::close(fds[0]);
        // The child only reads: no inherited crash handlers, no assertion text on the screen.
        ::signal(SIGABRT, SIG_DFL);
        ::signal(SIGSEGV, SIG_DFL);
        if (int null = ::open("/dev/null", O_WRONLY); null >= 0) {
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
        }
        std::string out;
        try {
            out = read_in_child(image, attempt);
        } catch (...) {
            ::_exit(4);
        }
        const char* p = out.data();
        std::size_t left = out.size();
        while (left > 0) {
            ssize_t n = ::write(fds[1], p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) ::_exit(3);
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string in;
    char buf[8192];
    for (;;) {
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        in.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return parse_records(in);
}

}  // namespace bhm::scan
