// ApiClient on Poco::Net: one HTTPClientSession per request to 127.0.0.1, and a raw socket for
// bodies larger than the server takes, so the test sees the server's 413 rather than a broken pipe.
#include "api_client.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <thread>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include "server_process.h"

namespace bhm::e2e {
namespace {

const Poco::Timespan request_timeout(30, 0);

ApiResponse make_response(const Poco::Net::HTTPResponse& head, std::string body) {
    ApiResponse r;
    r.status = static_cast<int>(head.getStatus());
    r.reason = head.getReason();
    for (const auto& [name, value] : head) r.headers[name] = value;
    r.content_type = head.getContentType();
    r.body = std::move(body);
    r.json = parse_json(r.body);
    return r;
}

}  // namespace

Poco::Dynamic::Var parse_json(const std::string& text) {
    if (text.empty()) return {};
    try {
        Poco::JSON::Parser parser;
        return parser.parse(text);
    } catch (const Poco::Exception&) {
        return {};
    }
}

std::string to_json(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

bool ApiResponse::is_object() const { return json.type() == typeid(Poco::JSON::Object::Ptr); }

Poco::JSON::Object::Ptr ApiResponse::object() const {
    if (!is_object()) throw std::runtime_error("expected a JSON object, got " + describe());
    return json.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Array::Ptr ApiResponse::array() const {
    if (json.type() != typeid(Poco::JSON::Array::Ptr)) throw std::runtime_error("expected a JSON array, got " + describe());
    return json.extract<Poco::JSON::Array::Ptr>();
}

std::string ApiResponse::text(const std::string& field) const {
    if (!is_object()) return "";
    auto o = object();
    if (!o->has(field) || o->isNull(field)) return "";
    return o->get(field).toString();
}

std::string ApiResponse::describe() const {
    return "HTTP " + std::to_string(status) + " " + content_type + " " +
           (body.size() > 1500 ? body.substr(0, 1500) + "..." : body);
}

ApiClient::ApiClient(std::uint16_t port, std::string token) : port_(port), token_(std::move(token)) {}

ApiResponse ApiClient::get(const std::string& path) const { return send("GET", path); }

ApiResponse ApiClient::post(const std::string& path, const std::string& body) const {
    return send("POST", path, body, true);
}

ApiResponse ApiClient::post(const std::string& path, const Poco::JSON::Object::Ptr& body) const {
    return post(path, to_json(body));
}

ApiResponse ApiClient::send(const std::string& method, const std::string& path, const std::string& body,
                            bool with_body, const std::map<std::string, std::string>& extra_headers) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", port_);
    session.setTimeout(request_timeout);
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token_.empty()) request.set("Authorization", "Bearer " + token_);
    if (with_body) {
        request.setContentType("application/json");
        request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    }
    for (const auto& [name, value] : extra_headers) request.set(name, value);
    std::ostream& out = session.sendRequest(request);
    if (with_body) out << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string answer;
    Poco::StreamCopier::copyToString(in, answer);
    return make_response(response, answer);
}

ApiResponse ApiClient::post_oversized(const std::string& path, std::size_t size, bool chunked) const {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port_), request_timeout);
    socket.setReceiveTimeout(request_timeout);
    socket.setSendTimeout(request_timeout);
    std::string head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    if (!token_.empty()) head += "Authorization: Bearer " + token_ + "\r\n";
    head += chunked ? std::string("Transfer-Encoding: chunked\r\n") : "Content-Length: " + std::to_string(size) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));

    // Send on another thread; the server may stop reading at any point. Send errors are expected then.
    std::thread sender([&socket, size, chunked] {
        const std::string block(64 * 1024, ' ');
        try {
            std::size_t sent = 0;
            while (sent < size) {
                std::size_t n = std::min(block.size(), size - sent);
                std::string piece = block.substr(0, n);
                if (sent == 0) piece[0] = '{';
                if (chunked) {
                    std::ostringstream hex;
                    hex << std::hex << n << "\r\n";
                    piece = hex.str() + piece + "\r\n";
                }
                socket.sendBytes(piece.data(), static_cast<int>(piece.size()));
                sent += n;
            }
            if (chunked) socket.sendBytes("0\r\n\r\n", 5);
        } catch (const std::exception&) {
            // the server closed its side after answering
        }
    });

    std::string raw;
    char buffer[8192];
    try {
        for (;;) {
            int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            raw.append(buffer, static_cast<std::size_t>(n));
            if (raw.find("\r\n\r\n") != std::string::npos) {
                // Stop once the whole announced body has arrived.
                Poco::Net::HTTPResponse probe;
                std::istringstream head_in(raw);
                probe.read(head_in);
                const auto body_at = raw.find("\r\n\r\n") + 4;
                if (probe.hasContentLength() &&
                    raw.size() - body_at >= static_cast<std::size_t>(probe.getContentLength64()))
                    break;
            }
        }
    } catch (const std::exception&) {
        // a reset after the answer: keep what arrived
    }
    sender.join();
    try {
        socket.close();
    } catch (const Poco::Exception&) {
        // already reset by the server
    }

    const auto body_at = raw.find("\r\n\r\n");
    if (body_at == std::string::npos) {   // no answer at all
        ApiResponse none;
        none.body = raw;
        return none;
    }
    Poco::Net::HTTPResponse response;
    std::istringstream in(raw);
    response.read(in);
    return make_response(response, raw.substr(body_at + 4));
}

ApiClient login(const ServerProcess& server, const std::string& username) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("username", username);
    body->set("password", server.demo_password());
    auto answer = ApiClient(server.port()).post("/api/v1/auth/login", body);
    INFO("demo users: " << server.users_text());
    INFO("login as " << username << ": " << answer.describe());
    REQUIRE(answer.status == 200);
    auto token = answer.text("token");
    REQUIRE_FALSE(token.empty());
    return ApiClient(server.port(), token);
}

ApiClient station(const ServerProcess& server) {
    INFO("server printed: " << server.printed());
    REQUIRE_FALSE(server.station_token().empty());
    return ApiClient(server.port(), server.station_token());
}

}  // namespace bhm::e2e
