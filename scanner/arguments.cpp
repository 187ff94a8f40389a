// Parses bhm-scan's command-line words against a command's option list.
// Kept by hand (no Poco::Util) because each command is a plain function, not an Application.
#include "scanner/arguments.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace bhm::scan {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}
}  // namespace

Arguments Arguments::parse(const std::vector<std::string>& words, const OptionSpec& spec) {
    Arguments args;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.size() < 3 || word.rfind("--", 0) != 0) {
            if (!spec.positional) throw UsageError("unexpected argument '" + word + "'");
            args.positional_.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name.resize(eq);
        }
        if (contains(spec.flags, name)) {
            if (inline_value) throw UsageError("option --" + name + " takes no value");
            args.options_.emplace_back(name, "");
        } else if (contains(spec.valued, name)) {
            if (inline_value) {
                args.options_.emplace_back(name, *inline_value);
            } else {
                if (i + 1 >= words.size()) throw UsageError("option --" + name + " needs a value");
                args.options_.emplace_back(name, words[++i]);
            }
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
    return args;
}

bool Arguments::has(const std::string& name) const { return get(name).has_value(); }

std::optional<std::string> Arguments::get(const std::string& name) const {
    // The last occurrence wins, as with most Unix tools.
    for (auto it = options_.rbegin(); it != options_.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::string Arguments::value(const std::string& name, const std::string& fallback) const {
    return get(name).value_or(fallback);
}

std::optional<long> Arguments::number(const std::string& name, long min, long max) const {
    auto text = get(name);
    if (!text) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    long n = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || errno != 0 || n < min || n > max)
        throw UsageError("option --" + name + " needs a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max) + ", got '" + *text + "'");
    return n;
}

std::string option_or_env(const Arguments& args, const std::string& name, const char* env,
                          const std::string& fallback) {
    if (auto v = args.get(name)) return *v;
    if (const char* e = std::getenv(env); e && *e) return e;
    return fallback;
}

}  // namespace bhm::scan
