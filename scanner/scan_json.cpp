// Builds the scan JSON from bhm::barcode::parse_scanned (shared/barcode), the one parser
// the server uses too, so the station and the server never disagree about a code.
#include "scanner/scan_json.h"

#include <sstream>

#include "scanner/text_escapes.h"
#include "shared/barcode/scanned_code.h"

namespace bhm::scan {

namespace {

void set_if(Poco::JSON::Object& o, const std::string& key, const std::string& value) {
    if (!value.empty()) o.set(key, as_utf8(value));
}

}  // namespace

ScanDescription describe_scan(std::string_view raw) {
    ScanDescription d;
    d.json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    auto outcome = bhm::barcode::parse_scanned(raw);
    if (!outcome.ok()) {
        const auto& error = outcome.error;
        d.json->set("error", as_utf8(error ? error->message : std::string("the code could not be parsed")));
        d.json->set("at", static_cast<Poco::UInt64>(error ? error->at : 0));
        if (error) d.json->set("kind", std::string(bhm::barcode::to_string(error->kind)));
        return d;
    }
    const auto& code = *outcome.code;
    d.ok = true;
    set_if(*d.json, "symbology", code.symbology);
    d.json->set("scheme", bhm::barcode::to_string(code.scheme));
    set_if(*d.json, "gtin", code.gtin);
    set_if(*d.json, "serial", code.serial);
    set_if(*d.json, "lot", code.lot);
    set_if(*d.json, "expiry", code.expiry);
    set_if(*d.json, "production_date", code.production_date);
    set_if(*d.json, "asset_tag", code.asset_tag);
    set_if(*d.json, "hibc_labeler", code.hibc_labeler);
    set_if(*d.json, "hibc_product", code.hibc_product);
    set_if(*d.json, "hibc_unit", code.hibc_unit);
    if (code.scheme == bhm::barcode::Scheme::plain) set_if(*d.json, "text", code.text);
    if (code.scheme == bhm::barcode::Scheme::gs1 || !code.ais.empty()) {
        Poco::JSON::Object::Ptr ais = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        for (const auto& [ai, value] : code.ais) ais->set(as_utf8(ai), as_utf8(value));
        d.json->set("ais", ais);
    }
    return d;
}

std::string code_summary(std::string_view raw) {
    auto outcome = bhm::barcode::parse_scanned(raw);
    if (!outcome.ok()) return printable(raw);
    const auto& code = *outcome.code;
    std::string s;
    auto add = [&s](const char* label, const std::string& value) {
        if (value.empty()) return;
        if (!s.empty()) s += ' ';
        s += label;
        s += ' ';
        s += printable(value);
    };
    switch (code.scheme) {
        case bhm::barcode::Scheme::asset:
            add("asset", code.asset_tag);
            break;
        case bhm::barcode::Scheme::hibc:
            add("HIBC", code.hibc_labeler + code.hibc_product);
            add("SN", code.serial);
            add("LOT", code.lot);
            break;
        case bhm::barcode::Scheme::gs1:
            add("GTIN", code.gtin);
            add("SN", code.serial);
            add("LOT", code.lot);
            add("EXP", code.expiry);
            break;
        case bhm::barcode::Scheme::plain:
            if (!code.gtin.empty())
                add("GTIN", code.gtin);
            else
                add("code", code.text);
            break;
    }
    return s.empty() ? printable(raw) : s;
}

std::string to_line(const Poco::JSON::Object::Ptr& json) {
    std::ostringstream out;
    json->stringify(out);
    return out.str();
}

}  // namespace bhm::scan
