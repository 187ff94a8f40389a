// Reading and checking the benchmarks' options (see bench_options.h).
#include "bench_options.h"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace bhm::bench {

BenchOptions::BenchOptions(int argc, char** argv, const Poco::Util::OptionSet& options) {
    Poco::Util::OptionProcessor processor(options);
    processor.setUnixStyle(true);
    try {
        for (int i = 1; i < argc; ++i) {
            std::string name, value;
            if (!processor.process(argv[i], name, value))
                throw std::invalid_argument(std::string("unexpected argument '") + argv[i] + "' (see --help)");
            if (!name.empty()) values_[name] = value;
        }
        processor.checkRequired();
    } catch (const Poco::Util::OptionException& e) {
        throw std::invalid_argument(e.displayText() + " (see --help)");
    }
}

std::size_t BenchOptions::count(const std::string& name, std::size_t fallback, std::size_t minimum,
                                std::size_t maximum) const {
    auto found = values_.find(name);
    if (found == values_.end()) return fallback;
    const std::string& text = found->second;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || text[0] == '-' || value < minimum || value > maximum)
        throw std::invalid_argument("--" + name + " must be a whole number from " + std::to_string(minimum) +
                                    " to " + std::to_string(maximum) + ", not '" + text + "'");
    return static_cast<std::size_t>(value);
}

double BenchOptions::seconds(const std::string& name, double fallback, double maximum) const {
    auto found = values_.find(name);
    if (found == values_.end()) return fallback;
    const std::string& text = found->second;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value > 0) || value > maximum)
        throw std::invalid_argument("--" + name + " must be a number of seconds above 0 and at most " +
                                    std::to_string(static_cast<int>(maximum)) + ", not '" + text + "'");
    return value;
}

std::optional<std::string> BenchOptions::text(const std::string& name) const {
    auto found = values_.find(name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

void print_usage(const std::string& command, const std::string& header, const Poco::Util::OptionSet& options) {
    Poco::Util::HelpFormatter help(options);
    help.setCommand(command);
    help.setUnixStyle(true);
    help.setHeader(header);
    help.format(std::cout);
}

}  // namespace bhm::bench
