// Exception → ApiError, and escaping for log values.
#include "server/http/error_mapping.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <cstdio>

#include "db/store.h"

namespace bhm::server {

std::string log_safe(const std::string& text) {
    std::string out;
    for (unsigned char c : text.substr(0, 300)) {
        if (c < 0x21 || c == 0x7f || c == '"' || c == '\\') {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out.empty() ? "-" : out;
}

int status_for(RefusalKind kind) {
    switch (kind) {
        case RefusalKind::refused: return 422;
        case RefusalKind::conflict: return 409;
        case RefusalKind::not_found: return 404;
        case RefusalKind::bad_input: return 400;
        case RefusalKind::forbidden: return 403;
        case RefusalKind::too_large: return 413;
    }
    return 422;
}

ApiError api_error_for(const Refused& refused) { return ApiError(status_for(refused.kind), refused.refusal, refused.all); }

ApiError api_error_for(std::exception_ptr error, const std::string& where) {
    try {
        std::rethrow_exception(error);
    } catch (const ApiError& e) {
        return e;
    } catch (const Refused& e) {
        return api_error_for(e);
    } catch (const db::StaleWrite&) {
        return ApiError(409, Refusal{"concurrent_change",
                                     "Someone else changed this at the same moment; look again and retry.", ""});
    } catch (const db::DuplicateKey& e) {
        return ApiError(409, Refusal{"duplicate", e.what(), ""});
    } catch (const Poco::SyntaxException& e) {
        return ApiError(400, Refusal{"malformed_request", e.displayText(), ""});
    } catch (const std::exception& e) {
        Poco::Logger::get("bhm.http").error("event=internal_error where=%s what=%s", log_safe(where), log_safe(e.what()));
    } catch (...) {
        Poco::Logger::get("bhm.http").error("event=internal_error where=%s what=unknown", log_safe(where));
    }
    return ApiError(500, Refusal{"internal_error", "The server failed; nothing was changed.", ""});
}

}  // namespace bhm::server
