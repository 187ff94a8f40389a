// libFuzzer target for the bodies of POST /api/v1/scans and /scans/batch: any bytes must end in
// scans or in an ApiError (the 4xx the endpoint answers), never in another exception, a crash or
// undefined behaviour (built with AddressSanitizer and UBSan by scripts/fuzz).
#include <cstddef>
#include <cstdint>
#include <string>

#include "server/http/exchange.h"
#include "server/http/problem.h"
#include "server/services/scan_body.h"

using namespace bhm::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Caller station;
    station.kind = Caller::Kind::station;
    station.name = "fuzz-station";
    station.role = "station";
    station.unit_id = 1;
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        parse_scan_batch(body, station);
    } catch (const ApiError& refused) {
        if (refused.status < 400 || refused.status > 499) __builtin_trap();
    }
    try {
        Request request;
        request.body = body;
        parse_scan(request.json(), station);
    } catch (const ApiError& refused) {
        if (refused.status < 400 || refused.status > 499) __builtin_trap();
    }
    return 0;
}
