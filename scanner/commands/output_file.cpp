// Output file handling shared by the label and modesheet commands.
#include "scanner/commands/output_file.h"

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace bhm::scan {

Words with_long_output(const Words& words) {
    Words out;
    for (const auto& w : words) out.push_back(w == "-o" ? "--output" : w);
    return out;
}

std::string format_from(const Arguments& args, const std::string& fallback) {
    if (auto format = args.get("format")) return *format;
    const std::string output = args.value("output", "");
    auto dot = output.rfind('.');
    if (dot != std::string::npos && output.find('/', dot) == std::string::npos) {
        std::string ext = output.substr(dot + 1);
        for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return ext;
    }
    return fallback;
}

void write_output(const Arguments& args, const std::string& bytes) {
    const std::string output = args.value("output", "");
    if (output.empty()) throw UsageError("-o FILE is needed (use '-o -' for stdout)");
    if (output == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("cannot write '" + output + "'");
}

}  // namespace bhm::scan
