// What every reliability test checks while its attack is on: a normal read and a normal scan, from
// the normal client's address, are each answered 200 in under a second; and afterwards, that the
// server is healthy and has kept every scan it acknowledged.
#pragma once

#include <string>
#include <vector>

#include "api_client.h"
#include "server_process.h"

namespace bhm::reliability {

class NormalService {
public:
    explicit NormalService(const e2e::ServerProcess& server);

    // A GET /devices and a count-mode scan, each REQUIREd 200 within one second. Returns the slower's ms.
    double require_prompt_answers();
    // GET /health answers, and every scan acknowledged so far answers again as a replay (it was kept).
    void require_healthy_and_nothing_lost();

private:
    e2e::ApiClient warehouse_, station_;
    std::string device_tag_;
    std::vector<std::string> acknowledged_;
};

}  // namespace bhm::reliability
