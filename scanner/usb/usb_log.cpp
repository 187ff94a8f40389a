// The USB log line format. Details are quoted with inner quotes escaped; no scan content
// is ever logged (scans can carry serial numbers tied to patients).
#include "scanner/usb/usb_log.h"

#include <cstdio>

namespace bhm::usb {

std::string reader_fields(const ReaderInfo& reader) {
    char id[16];
    std::snprintf(id, sizeof id, "%04x:%04x", reader.vendor_id, reader.product_id);
    return std::string("reader=") + id + " bus=" + reader.bus_path + " personality=" + to_string(reader.personality);
}

void log_usb(const std::string& event, const std::string& fields, const std::string& detail) {
    std::string line = "usb event=" + event;
    if (!fields.empty()) line += " " + fields;
    if (!detail.empty()) {
        line += " detail=\"";
        for (char c : detail) line += (c == '"' ? std::string("\\\"") : std::string(1, c));
        line += "\"";
    }
    line += "\n";
    std::fputs(line.c_str(), stderr);
}

}  // namespace bhm::usb
