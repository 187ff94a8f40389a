// Matches paths segment by segment; "{name}" segments capture, "{name}.ext" too.
#include "server/http/router.h"

#include <Poco/StringTokenizer.h>

#include "server/http/problem.h"

namespace bhm::server {
namespace {

std::vector<std::string> segments(const std::string& path) {
    Poco::StringTokenizer parts(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {parts.begin(), parts.end()};
}

// "{id}" captures the whole segment; "{id}.png" captures up to a fixed suffix.
bool match_segment(const std::string& pattern, const std::string& actual, std::map<std::string, std::string>& params) {
    if (pattern.empty() || pattern.front() != '{') return pattern == actual;
    auto close = pattern.find('}');
    std::string name = pattern.substr(1, close - 1);
    std::string suffix = pattern.substr(close + 1);
    if (actual.size() <= suffix.size() || actual.compare(actual.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    params[name] = actual.substr(0, actual.size() - suffix.size());
    return true;
}

}  // namespace

void Router::add(Route route) { routes_.push_back(std::move(route)); }

const Route& Router::match(const std::string& method, const std::string& path,
                           std::map<std::string, std::string>& params) const {
    const auto actual = segments(path);
    std::string allowed;
    for (const auto& route : routes_) {
        const auto pattern = segments(route.pattern);
        if (pattern.size() != actual.size()) continue;
        std::map<std::string, std::string> captured;
        bool ok = true;
        for (std::size_t i = 0; ok && i < pattern.size(); ++i) ok = match_segment(pattern[i], actual[i], captured);
        if (!ok) continue;
        if (route.method != method) {
            allowed += (allowed.empty() ? "" : ", ") + route.method;
            continue;
        }
        params = std::move(captured);
        return route;
    }
    if (!allowed.empty()) {
        ApiError error(405, Refusal{"method_not_allowed", "This path takes " + allowed + ", not " + method + ".", ""});
        error.headers["Allow"] = allowed;
        throw error;
    }
    fail(404, "no_such_endpoint", "There is no endpoint at " + path + ".");
}

}  // namespace bhm::server
