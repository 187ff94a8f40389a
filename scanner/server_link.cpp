// HTTP/JSON client for bhm-server's scan endpoints (Poco::Net). Every failure to get a
// well-formed answer is "unanswered", so the scan stays queued and is sent again later
// with the same id; the server's idempotency on that id makes the resend safe.
#include "scanner/server_link.h"

#include <sstream>
#include <stdexcept>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

namespace bhm::scan {

namespace {

std::string field(const Poco::JSON::Object::Ptr& o, const std::string& name) {
    if (!o || !o->has(name) || o->isNull(name)) return "";
    return o->get(name).convert<std::string>();
}

Poco::JSON::Object::Ptr parse_object(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

// One result object (single answer body or an entry of a batch answer) with its kind.
ServerAnswer answer_from(const Poco::JSON::Object::Ptr& o, ServerAnswer::Kind kind, int status) {
    ServerAnswer a;
    a.kind = kind;
    a.status = status;
    a.result = field(o, "result");
    a.message = field(o, "message");
    a.title = field(o, "title");
    a.detail = field(o, "detail");
    a.rule = field(o, "rule");
    a.code = field(o, "code");
    if (a.is_refusal() && a.detail.empty()) a.detail = a.title.empty() ? a.message : a.title;
    return a;
}

ServerAnswer unanswered(int status, std::string problem) {
    ServerAnswer a;
    a.kind = ServerAnswer::Kind::unanswered;
    a.status = status;
    a.problem = std::move(problem);
    return a;
}

}  // namespace

ServerAnswer read_scan_answer(int status, const std::string& body) {
    using Kind = ServerAnswer::Kind;
    auto o = parse_object(body);
    if (status == 401 || status == 403) {
        ServerAnswer a = answer_from(o, Kind::unauthorized, status);
        a.problem = "the server does not accept this station's token (HTTP " +
                    std::to_string(status) + (a.detail.empty() ? "" : ": " + a.detail) + ")";
        return a;
    }
    if (status == 400 || status == 413) {
        ServerAnswer a = answer_from(o, Kind::malformed, status);
        if (a.result.empty()) a.result = "malformed";
        if (a.detail.empty())
            a.detail = status == 413 ? "the scan is too large for the server"
                                     : "the server could not read this scan";
        return a;
    }
    if (status == 409 || status == 422) {
        if (!o) return unanswered(status, "HTTP " + std::to_string(status) + " without a problem body");
        ServerAnswer a = answer_from(o, Kind::refused, status);
        if (a.result.empty()) a.result = status == 409 ? "conflict" : "refused";
        return a;
    }
    if (status >= 200 && status < 300) {
        if (!o) return unanswered(status, "the server's answer is not JSON");
        ServerAnswer a = answer_from(o, Kind::accepted, status);
        if (a.result.empty()) a.result = "ok";
        if (a.result != "ok") {
            // A 200 that still says refused: trust the words, not the status.
            a.kind = Kind::refused;
            if (a.detail.empty()) a.detail = a.message;
        }
        return a;
    }
    return unanswered(status, "HTTP " + std::to_string(status) + " from the server");
}

HttpServerLink::HttpServerLink(const std::string& server, std::string token,
                               std::chrono::milliseconds timeout)
    : token_(std::move(token)), timeout_(timeout) {
    Poco::URI uri;
    try {
        uri = Poco::URI(server);
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument("server URL '" + server + "' is not valid: " + e.message());
    }
    if (uri.getScheme() != "http" || uri.getHost().empty())
        throw std::invalid_argument("server URL '" + server +
                                    "' must look like http://host:port (https is not built in; "
                                    "put a TLS proxy on the station if the link leaves the building)");
    host_ = uri.getHost();
    port_ = uri.getPort();
    base_path_ = uri.getPath();
    while (!base_path_.empty() && base_path_.back() == '/') base_path_.pop_back();
}

HttpServerLink::Reply HttpServerLink::post(const std::string& path, const std::string& json) {
    Reply reply;
    try {
        Poco::Net::HTTPClientSession session(host_, port_);
        const Poco::Timespan span(std::chrono::duration_cast<std::chrono::microseconds>(timeout_).count());
        session.setTimeout(span, span, span);
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, base_path_ + path,
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/json");
        request.set("Accept", "application/json, application/problem+json");
        request.set("Authorization", "Bearer " + token_);
        request.setContentLength(static_cast<std::streamsize>(json.size()));
        session.sendRequest(request) << json;
        Poco::Net::HTTPResponse response;
        std::istream& in = session.receiveResponse(response);
        std::ostringstream body;
        Poco::StreamCopier::copyStream(in, body);
        reply.status = static_cast<int>(response.getStatus());
        reply.body = body.str();
    } catch (const Poco::TimeoutException&) {
        reply.problem = "no answer from " + host_ + " within the timeout";
    } catch (const Poco::Exception& e) {
        reply.problem = "cannot reach " + host_ + ":" + std::to_string(port_) + " (" + e.displayText() + ")";
    } catch (const std::exception& e) {
        reply.problem = std::string("cannot reach the server (") + e.what() + ")";
    }
    return reply;
}

ServerAnswer HttpServerLink::send(const ScanEvent& scan) {
    std::ostringstream json;
    to_json(scan)->stringify(json);
    Reply reply = post("/api/v1/scans", json.str());
    if (reply.status == 0) return unanswered(0, reply.problem);
    return read_scan_answer(reply.status, reply.body);
}

BatchAnswer HttpServerLink::send_batch(const std::vector<ScanEvent>& scans) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& scan : scans) list->add(to_json(scan));
    Poco::JSON::Object body;
    body.set("scans", list);
    std::ostringstream json;
    body.stringify(json);

    BatchAnswer batch;
    Reply reply = post("/api/v1/scans/batch", json.str());
    if (reply.status == 0) {
        batch.problem = reply.problem;
        return batch;
    }
    const std::string status = "HTTP " + std::to_string(reply.status);
    if (reply.status == 401 || reply.status == 403) {
        batch.kind = BatchAnswer::Kind::unauthorized;
        batch.problem = "the server does not accept this station's token (" + status + ")";
        return batch;
    }
    if (reply.status == 400 || reply.status == 404 || reply.status == 405 || reply.status == 413) {
        batch.kind = BatchAnswer::Kind::rejected;  // send them one by one instead
        batch.problem = status + " for the batch";
        return batch;
    }
    if (reply.status != 200) {
        batch.problem = status + " for the batch";
        return batch;
    }
    auto o = parse_object(reply.body);
    Poco::JSON::Array::Ptr results = o && o->has("results") ? o->getArray("results") : nullptr;
    if (!results || results->size() != scans.size()) {
        batch.problem = "the batch answer does not have one result per scan";
        return batch;
    }
    for (std::size_t i = 0; i < scans.size(); ++i) {
        auto r = results->getObject(static_cast<unsigned>(i));
        if (!r || (field(r, "id") != "" && field(r, "id") != scans[i].id)) {
            batch = BatchAnswer{};
            batch.problem = "the batch answer's results are not in the scans' order";
            return batch;
        }
        std::string result = field(r, "result");
        ServerAnswer::Kind kind = result == "ok" ? ServerAnswer::Kind::accepted
                                  : (result == "refused" || result == "conflict")
                                      ? ServerAnswer::Kind::refused
                                  : result == "malformed" ? ServerAnswer::Kind::malformed
                                                          : ServerAnswer::Kind::unanswered;
        ServerAnswer a = answer_from(r, kind, 200);
        if (kind == ServerAnswer::Kind::unanswered)
            a.problem = "the server gave result '" + result + "' for scan " + scans[i].id;
        batch.results.push_back(std::move(a));
    }
    batch.kind = BatchAnswer::Kind::answered;
    return batch;
}

}  // namespace bhm::scan
