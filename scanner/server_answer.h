// What bhm-server said about one scan, reduced to what the station acts on: accepted,
// refused (a rule or a conflict), malformed, a bad token, or no answer at all (queue it).
#pragma once

#include <string>

namespace bhm::scan {

struct ServerAnswer {
    enum class Kind {
        accepted,      // 200, result "ok"
        refused,       // 409 conflict or 422 refused by a rule
        malformed,     // 400 / 413: the server will never take this scan as it is
        unauthorized,  // 401 / 403: the station token is wrong; stop
        unanswered,    // 5xx, connection failure, timeout, garbled answer: send again later
    };
    Kind kind = Kind::unanswered;
    int status = 0;         // HTTP status, 0 if none
    std::string result;     // "ok" | "refused" | "conflict" | "malformed" as the server said
    std::string message;    // accepted: the server's message
    std::string title;      // refusal title
    std::string detail;     // refusal detail, a sentence for the warehouse worker
    std::string rule;       // where the rule comes from, may be empty
    std::string code;       // stable refusal code, may be empty
    std::string problem;    // unanswered / unauthorized: why, for the screen and the log

    bool is_refusal() const { return kind == Kind::refused || kind == Kind::malformed; }
};

}  // namespace bhm::scan
