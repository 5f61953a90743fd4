#pragma once
#include <atomic>

#include <httplib.h>

#include "io_http/payload_endpoint.hpp"

namespace cplay {

// GET /api/payload over HTTP: the query checked (latency_ms and bytes, each once, nothing else;
// 400 naming the range), at most gate.limit() at once (429 past it), then the payload.
// The caller has already checked Host and Origin.
void answer_payload_request(const httplib::Request&, httplib::Response&, PayloadGate& gate,
                            const std::atomic<bool>& stopping);

}  // namespace cplay
