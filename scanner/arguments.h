// Command-line arguments of one bhm-scan command: `--name value`, `--name=value`,
// boolean `--flag`s and positional words. Each command declares which options it
// knows, so a typo is a clear usage error instead of a silently ignored option.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bhm::scan {

// Wrong use of the command line: the caller prints it and exits with status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::vector<std::string> valued;  // options that take a value, without "--"
    std::vector<std::string> flags;   // boolean options, without "--"
    bool positional = false;          // whether plain words are allowed
};

class Arguments {
public:
    // Throws UsageError for an unknown option, a missing value or a stray word.
    static Arguments parse(const std::vector<std::string>& words, const OptionSpec& spec);

    bool has(const std::string& name) const;
    std::optional<std::string> get(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback) const;
    // The value as a whole number in [min, max]; UsageError otherwise.
    std::optional<long> number(const std::string& name, long min, long max) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::vector<std::pair<std::string, std::string>> options_;
    std::vector<std::string> positional_;
};

// The first of: the option's value, the environment variable, the fallback.
std::string option_or_env(const Arguments& args, const std::string& name, const char* env,
                          const std::string& fallback);

}  // namespace bhm::scan
