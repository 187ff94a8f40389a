// The Clock port: services ask it for "now" instead of reading the system time,
// so the domain's time rules are testable with a fixed clock.
#pragma once

#include <ctime>

#include "shared/core/date.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
    Date today() const { return local_date(now()); }
};

class SystemClock final : public Clock {
public:
    Timestamp now() const override { return Timestamp{static_cast<std::int64_t>(std::time(nullptr))}; }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(Timestamp at) : at_(at) {}
    Timestamp now() const override { return at_; }
    void set(Timestamp at) { at_ = at; }

private:
    Timestamp at_;
};

}  // namespace bhm::server
