// Command-line options of the benchmark programs, read with Poco's OptionProcessor: counts and
// time caps are bounded, and a bad value is a clear error message, never a crash.
#pragma once

#include <Poco/Util/OptionSet.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace bhm::bench {

class BenchOptions {
public:
    // Parses argv against `options` (each with a required argument, except "help").
    // std::invalid_argument for an unknown option or a missing argument.
    BenchOptions(int argc, char** argv, const Poco::Util::OptionSet& options);

    bool help() const { return values_.count("help") > 0; }
    // A whole number in [minimum, maximum], or `fallback` when the option was not given.
    std::size_t count(const std::string& name, std::size_t fallback, std::size_t minimum, std::size_t maximum) const;
    // A number of seconds in (0, maximum], or `fallback`.
    double seconds(const std::string& name, double fallback, double maximum) const;
    std::optional<std::string> text(const std::string& name) const;

private:
    std::map<std::string, std::string> values_;
};

// Prints the usage of `options` for `command` with a one-line header.
void print_usage(const std::string& command, const std::string& header, const Poco::Util::OptionSet& options);

}  // namespace bhm::bench
