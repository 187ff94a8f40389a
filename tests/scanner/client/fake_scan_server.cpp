// Handlers for POST /api/v1/scans and /api/v1/scans/batch of the fake server.
#include "fake_scan_server.h"

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

namespace bhm::test {

namespace {

std::map<std::string, std::string> fields_of(const Poco::JSON::Object::Ptr& o) {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : *o) out[key] = value.convert<std::string>();
    return out;
}

std::string json_text(const Poco::JSON::Object& o) {
    std::ostringstream s;
    o.stringify(s);
    return s.str();
}

class ScanHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ScanHandler(FakeScanServer& server) : server_(server) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        const bool batch = request.getURI() == "/api/v1/scans/batch";
        server_.count_request(batch);
        std::string body;
        Poco::StreamCopier::copyToString(request.stream(), body);
        auto send = [&](int status, const std::string& text, const char* type) {
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
            response.setContentType(type);
            response.setContentLength(static_cast<std::streamsize>(text.size()));
            response.send() << text;
        };
        if (server_.down) return send(503, R"({"title":"down for a test"})", "application/problem+json");
        if (!server_.authorized(request.get("Authorization", "")))
            return send(401, R"({"title":"bad token","status":401})", "application/problem+json");
        if (request.getMethod() != "POST" || (!batch && request.getURI() != "/api/v1/scans"))
            return send(404, R"({"title":"not found"})", "application/problem+json");

        Poco::JSON::Object::Ptr in;
        try {
            in = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
        } catch (const std::exception&) {
            return send(400, R"({"title":"not JSON","status":400})", "application/problem+json");
        }
        std::pair<int, std::string> reply;
        if (!batch) {
            reply = server_.apply(fields_of(in));
        } else {
            auto scans = in->getArray("scans");
            Poco::JSON::Array::Ptr results = new Poco::JSON::Array;
            for (std::size_t i = 0; i < scans->size(); ++i) {
                auto answer = server_.apply(fields_of(scans->getObject(static_cast<unsigned>(i))));
                results->add(Poco::JSON::Parser().parse(answer.second));
            }
            Poco::JSON::Object out;
            out.set("results", results);
            reply = {200, json_text(out)};
        }
        if (server_.take_delay())
            std::this_thread::sleep_for(std::chrono::milliseconds(server_.answer_delay_ms.load()));
        send(reply.first, reply.second, reply.first == 200 ? "application/json" : "application/problem+json");
    }

private:
    FakeScanServer& server_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(FakeScanServer& server) : server_(server) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new ScanHandler(server_);
    }

private:
    FakeScanServer& server_;
};

}  // namespace

FakeScanServer::FakeScanServer(std::string token) : token_(std::move(token)) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(8);
    params->setKeepAlive(false);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
    server_->start();
}

FakeScanServer::~FakeScanServer() { server_->stopAll(true); }

std::string FakeScanServer::url() const {
    return "http://127.0.0.1:" + std::to_string(server_->port());
}

bool FakeScanServer::take_delay() {
    int left = delayed_requests.load();
    while (left > 0 && !delayed_requests.compare_exchange_weak(left, left - 1)) {
    }
    return left > 0 && answer_delay_ms > 0;
}

std::pair<int, std::string> FakeScanServer::apply(const std::map<std::string, std::string>& scan) {
    std::lock_guard lock(mutex_);
    const std::string id = scan.count("id") ? scan.at("id") : "";
    ++deliveries_[id];
    bodies_[id] = scan;
    if (auto known = answers_.find(id); known != answers_.end()) return known->second;  // idempotent

    Poco::JSON::Object answer(Poco::JSON_PRESERVE_KEY_ORDER);
    answer.set("id", id);
    answer.set("scan_id", id);
    int status = 200;
    const std::string code = scan.count("code") ? scan.at("code") : "";
    if (code.find("REFUSE") != std::string::npos) {
        status = 422;
        answer.set("type", "https://bhm.example/problems/site-check-missing");
        answer.set("title", "Refused by a rule");
        answer.set("detail", "no electrical-installation check for the site");
        answer.set("status", 422);
        answer.set("code", "site_check_missing");
        answer.set("rule", "FOR-2013-11-29-1373 § 9");
        answer.set("result", "refused");
    } else if (code.find("CONFLICT") != std::string::npos) {
        status = 409;
        answer.set("title", "Conflict");
        answer.set("detail", "device already issued by another station");
        answer.set("status", 409);
        answer.set("code", "already_issued");
        answer.set("result", "conflict");
    } else {
        answer.set("result", "ok");
        answer.set("message", "received into stock");
    }
    answers_[id] = {status, json_text(answer)};
    order_.push_back(id);
    return answers_[id];
}

int FakeScanServer::applications(const std::string& id) const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(std::count(order_.begin(), order_.end(), id));
}

int FakeScanServer::deliveries(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto it = deliveries_.find(id);
    return it == deliveries_.end() ? 0 : it->second;
}

std::vector<std::string> FakeScanServer::applied_order() const {
    std::lock_guard lock(mutex_);
    return order_;
}

std::map<std::string, std::string> FakeScanServer::last_body(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto it = bodies_.find(id);
    return it == bodies_.end() ? std::map<std::string, std::string>{} : it->second;
}

}  // namespace bhm::test
