// scanners.json, checked strictly: a typo in a reader entry must fail loudly at start,
// not silently turn a reader into "unknown". Format:
//   {"readers": [{"vendor_id": "0x0c2e", "product_id": "0x0b81", "name": "...",
//                 "personality": "keyboard_wedge|hid_pos|cdc_acm|by_interface",
//                 "layout": "us|no", "quirks": [], "source": "..."}]}
#include "scanner/usb/known_readers.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace bhm::usb {

namespace {

std::uint16_t parse_id(const std::string& text, const std::string& field, const std::string& where) {
    bool ok = text.size() == 6 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') &&
              text.find_first_not_of("0123456789abcdefABCDEF", 2) == std::string::npos;
    if (!ok) throw std::runtime_error(where + ": " + field + " must be like \"0x0c2e\", got \"" + text + "\"");
    return static_cast<std::uint16_t>(std::stoul(text.substr(2), nullptr, 16));
}

KnownPersonality parse_personality(const std::string& text, const std::string& where) {
    if (text == "keyboard_wedge") return KnownPersonality::keyboard_wedge;
    if (text == "hid_pos") return KnownPersonality::hid_pos;
    if (text == "cdc_acm") return KnownPersonality::cdc_acm;
    if (text == "by_interface") return KnownPersonality::by_interface;
    throw std::runtime_error(where + ": personality must be keyboard_wedge, hid_pos, cdc_acm or by_interface, got \"" +
                             text + "\"");
}

std::string required_string(const Poco::JSON::Object::Ptr& o, const std::string& key, const std::string& where) {
    if (!o->has(key) || !o->get(key).isString())
        throw std::runtime_error(where + ": \"" + key + "\" is missing or not a string");
    std::string v = o->getValue<std::string>(key);
    if (v.empty()) throw std::runtime_error(where + ": \"" + key + "\" is empty");
    return v;
}

KnownReader parse_entry(const Poco::JSON::Object::Ptr& o, const std::string& where) {
    static const std::set<std::string> allowed{"vendor_id", "product_id", "name", "personality",
                                               "layout", "quirks", "source"};
    std::vector<std::string> names;
    o->getNames(names);
    for (const auto& n : names)
        if (!allowed.count(n)) throw std::runtime_error(where + ": unknown field \"" + n + "\"");
    KnownReader r;
    r.vendor_id = parse_id(required_string(o, "vendor_id", where), "vendor_id", where);
    r.product_id = parse_id(required_string(o, "product_id", where), "product_id", where);
    r.name = required_string(o, "name", where);
    r.personality = parse_personality(required_string(o, "personality", where), where);
    r.source = required_string(o, "source", where);
    if (o->has("layout")) {
        r.layout = required_string(o, "layout", where);
        if (r.layout != "us" && r.layout != "no")
            throw std::runtime_error(where + ": layout must be \"us\" or \"no\", got \"" + r.layout + "\"");
    }
    if (o->has("quirks")) {
        auto quirks = o->getArray("quirks");
        if (!quirks) throw std::runtime_error(where + ": \"quirks\" must be a list of strings");
        for (std::size_t i = 0; i < quirks->size(); ++i) {
            if (!quirks->get(static_cast<unsigned>(i)).isString())
                throw std::runtime_error(where + ": \"quirks\" must be a list of strings");
            std::string q = quirks->getElement<std::string>(static_cast<unsigned>(i));
            bool understood = false;
            for (const auto& k : known_quirks()) understood = understood || k == q;
            if (!understood) throw std::runtime_error(where + ": unknown quirk \"" + q + "\"");
            r.quirks.push_back(q);
        }
    }
    return r;
}

}  // namespace

const std::vector<std::string>& known_quirks() {
    static const std::vector<std::string> quirks{"hid_pos_no_aim"};
    return quirks;
}

KnownReaders::KnownReaders(std::vector<KnownReader> readers) : readers_(std::move(readers)) {}

KnownReaders KnownReaders::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the known readers file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

KnownReaders KnownReaders::parse(const std::string& json_text, const std::string& origin) {
    Poco::Dynamic::Var root;
    try {
        root = Poco::JSON::Parser().parse(json_text);
    } catch (const Poco::Exception& e) {
        throw std::runtime_error(origin + ": not valid JSON: " + e.message());
    }
    Poco::JSON::Object::Ptr top;
    try {
        top = root.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        throw std::runtime_error(origin + ": the top level must be an object with \"readers\"");
    }
    auto list = top->getArray("readers");
    if (!list) throw std::runtime_error(origin + ": \"readers\" is missing or not a list");
    std::vector<KnownReader> readers;
    std::set<std::pair<std::uint16_t, std::uint16_t>> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        std::string where = origin + ": readers[" + std::to_string(i) + "]";
        auto entry = list->getObject(static_cast<unsigned>(i));
        if (!entry) throw std::runtime_error(where + " is not an object");
        KnownReader r = parse_entry(entry, where);
        if (!seen.insert({r.vendor_id, r.product_id}).second)
            throw std::runtime_error(where + ": the same vendor_id/product_id is listed twice");
        readers.push_back(std::move(r));
    }
    return KnownReaders(std::move(readers));
}

const KnownReader* KnownReaders::find(std::uint16_t vendor_id, std::uint16_t product_id) const {
    for (const auto& r : readers_)
        if (r.vendor_id == vendor_id && r.product_id == product_id) return &r;
    return nullptr;
}

}  // namespace bhm::usb
