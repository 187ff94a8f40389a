// ReaderHub: owns the libusb context and the claimed readers, and runs libusb's event loop
// inside next(). New readers are found by re-enumerating: at once when a libusb hot-plug
// callback reports an arrival or departure, and every second anyway (hot-plug may be
// unsupported, as under umockdev, and a reader whose claim failed deserves a retry).
#include "scanner/usb/reader_hub.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <set>
#include <stdexcept>

#include <libusb-1.0/libusb.h>

#include "scanner/usb/claimed_reader.h"
#include "scanner/usb/device_facts.h"
#include "scanner/usb/known_readers.h"
#include "scanner/usb/reader_selection.h"
#include "scanner/usb/usb_log.h"

namespace bhm::usb {

namespace {
constexpr auto rescan_interval = std::chrono::seconds(1);
using Clock = std::chrono::steady_clock;
}  // namespace

struct ReaderHub::Impl {
    SelectionOptions selection;
    KnownReaders known;
    libusb_context* context = nullptr;
    bool hotplug = false;
    libusb_hotplug_callback_handle hotplug_handle{};
    std::atomic<bool> rescan_requested{true};
    Clock::time_point next_rescan{};
    std::deque<RawScan> scans;  // declared before readers: readers write into it until they die
    std::map<std::string, std::unique_ptr<ClaimedReader>> readers;  // by bus path
    std::map<std::string, std::string> last_said;                   // bus path -> last log line

    ~Impl() {
        readers.clear();
        if (hotplug) libusb_hotplug_deregister_callback(context, hotplug_handle);
        if (context) libusb_exit(context);
    }

    static int LIBUSB_CALL on_hotplug(libusb_context*, libusb_device*, libusb_hotplug_event, void* self) {
        static_cast<Impl*>(self)->rescan_requested = true;
        return 0;  // stay registered
    }

    void say_once(const std::string& bus_path, const std::string& event, const std::string& fields,
                  const std::string& detail) {
        std::string line = event + fields + detail;
        if (last_said[bus_path] == line) return;
        last_said[bus_path] = line;
        log_usb(event, fields, detail);
    }

    template <typename Visit>
    void for_each_device(Visit visit) {
        libusb_device** list = nullptr;
        ssize_t n = libusb_get_device_list(context, &list);
        if (n < 0) {
            log_usb("enumeration_failed", "", libusb_error_name(static_cast<int>(n)));
            return;
        }
        for (ssize_t i = 0; i < n; ++i) visit(list[i]);
        libusb_free_device_list(list, 1);
    }

    void rescan() {
        rescan_requested = false;
        next_rescan = Clock::now() + rescan_interval;
        std::set<std::string> present;
        for_each_device([&](libusb_device* device) {
            std::string path = bus_path_of(device);
            present.insert(path);
            if (readers.count(path)) return;
            std::string error;
            auto facts = read_device_facts(device, error);
            if (!facts) return;
            auto outcome = select_reader(*facts, known, selection);
            if (!outcome.plan) {
                bool looks_relevant = std::any_of(facts->interfaces.begin(), facts->interfaces.end(),
                                                  [](const InterfaceFacts& i) { return i.class_code == 0x03; });
                if (looks_relevant) say_once(path, "not_claimed", "bus=" + path, outcome.reason);
                return;
            }
            auto reader = ClaimedReader::claim(context, device, *outcome.plan, scans, error);
            if (!reader) {
                say_once(path, "claim_failed", reader_fields(outcome.plan->info), error);
                return;
            }
            log_usb("claimed", reader_fields(reader->info()), outcome.reason);
            last_said.erase(path);
            readers[path] = std::move(reader);
        });
        for (auto it = last_said.begin(); it != last_said.end();)
            it = present.count(it->first) ? std::next(it) : last_said.erase(it);
    }

    void drop_gone_readers() {
        for (auto it = readers.begin(); it != readers.end();) {
            if (!it->second->gone()) {
                ++it;
                continue;
            }
            log_usb("dropped", reader_fields(it->second->info()), it->second->gone_reason());
            it = readers.erase(it);
            next_rescan = std::min(next_rescan, Clock::now() + rescan_interval);
        }
    }
};

ReaderHub::ReaderHub(HubOptions options) : impl_(std::make_unique<Impl>()) {
    if (!options.layout.empty() && options.layout != "us" && options.layout != "no")
        throw std::invalid_argument("keyboard layout must be \"us\" or \"no\", got \"" + options.layout + "\"");
    impl_->selection.named_device = options.named_device;
    impl_->selection.layout = options.layout;
    if (!options.known_readers_file.empty()) impl_->known = KnownReaders::load(options.known_readers_file);
    int r = libusb_init(&impl_->context);
    if (r != 0) {
        impl_->context = nullptr;
        throw std::runtime_error(std::string("libusb could not start: ") + libusb_error_name(r));
    }
    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        r = libusb_hotplug_register_callback(
            impl_->context,
            static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            static_cast<libusb_hotplug_flag>(0), LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, &Impl::on_hotplug, impl_.get(), &impl_->hotplug_handle);
        impl_->hotplug = (r == LIBUSB_SUCCESS);
    }
    if (!impl_->hotplug) log_usb("no_hotplug", "", "hot-plug not available; looking for readers every second");
}

ReaderHub::~ReaderHub() = default;

std::vector<ReaderInfo> ReaderHub::attached() {
    std::vector<ReaderInfo> found;
    impl_->for_each_device([&](libusb_device* device) {
        auto claimed = impl_->readers.find(bus_path_of(device));
        if (claimed != impl_->readers.end()) {
            found.push_back(claimed->second->info());
            return;
        }
        std::string error;
        auto facts = read_device_facts(device, error);
        if (!facts) return;
        auto outcome = select_reader(*facts, impl_->known, impl_->selection);
        if (outcome.plan) found.push_back(outcome.plan->info);
    });
    std::sort(found.begin(), found.end(), [](const ReaderInfo& a, const ReaderInfo& b) { return a.bus_path < b.bus_path; });
    return found;
}

std::optional<RawScan> ReaderHub::next(std::chrono::milliseconds timeout) {
    Impl& s = *impl_;
    const auto deadline = Clock::now() + std::max(timeout, std::chrono::milliseconds(0));
    for (;;) {
        s.drop_gone_readers();
        if (!s.scans.empty()) {
            RawScan scan = std::move(s.scans.front());
            s.scans.pop_front();
            return scan;
        }
        auto now = Clock::now();
        if (s.rescan_requested || now >= s.next_rescan) {
            s.rescan();
            now = Clock::now();
        }
        auto until = std::min(deadline, s.next_rescan);
        auto wait = std::chrono::duration_cast<std::chrono::microseconds>(until - now);
        if (wait.count() < 0) wait = std::chrono::microseconds(0);
        timeval tv{static_cast<time_t>(wait.count() / 1000000), static_cast<suseconds_t>(wait.count() % 1000000)};
        libusb_handle_events_timeout_completed(s.context, &tv, nullptr);
        s.drop_gone_readers();
        if (s.scans.empty() && Clock::now() >= deadline) return std::nullopt;
    }
}

}  // namespace bhm::usb
