#include "server/serve.hpp"

#include <csignal>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <memory>
#include <optional>
#include <thread>

#include <httplib.h>
#include <malloc.h>
#include <pthread.h>

#include "common/execute.hpp"
#include "io_http/payload_route.hpp"
#include "mpi_launch/mpi_program.hpp"
#include "playground/errors.hpp"
#include "server/api.hpp"
#include "server/api_guard.hpp"
#include "common/demo_options.hpp"
#include "playground/report_json.hpp"
#include "processes/process_runner.hpp"

namespace cplay {

namespace fs = std::filesystem;

namespace {

// The page needs SharedArrayBuffer for its threads build, hence cross-origin isolation; DIP lets
// Chromium isolate the page even inside another site's iframe (embed mode).
// Cplay-Serve on every response tells the page that /api/* exists here: a static host would answer
// it 404, which the browser logs as an error, so the page asks only where this header comes back.
httplib::Headers default_headers(bool isolation) {
  httplib::Headers headers{{"Cplay-Serve", CPLAY_VERSION}};
  if (isolation)
    headers.insert({{"Cross-Origin-Opener-Policy", "same-origin"},
                    {"Cross-Origin-Embedder-Policy", "require-corp"},
                    {"Cross-Origin-Resource-Policy", "same-origin"},
                    {"Document-Isolation-Policy", "isolate-and-require-corp"}});
  return headers;
}

std::string default_root() {
  // build/native/cplay -> web/dist of the same checkout.
  const fs::path exe = self_executable();
  return (exe.parent_path() / ".." / ".." / "web" / "dist").lexically_normal().string();
}

void send_json(httplib::Response& response, int status, const nlohmann::json& body, const std::string& job = {}) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  if (!job.empty()) response.set_header("Cplay-Job", job);
  // Messages may quote the client's bytes: invalid UTF-8 becomes U+FFFD instead of an exception.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_answer(httplib::Response& response, const ApiResponse& answer) {
  send_json(response, answer.status, answer.body, answer.job);
}

std::optional<std::string> header(const httplib::Request& request, const char* name) {
  if (!request.has_header(name)) return std::nullopt;
  return request.get_header_value(name);
}

ApiRequestHead head_of(const httplib::Request& request) {
  return {request.method, request.path, header(request, "Host"), header(request, "Origin"),
          header(request, "Sec-Fetch-Site"), header(request, "Content-Type")};
}

bool is_api_path(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

// Requests waiting for the running job hold a thread each (ApiLimits::max_waiting); the rest stay
// free for /api/cancel, /api/info and the page's files.
// GET /api/payload holds a thread for its latency: at most kPayloadRequests of them at once (429
// past it), so the others keep theirs.
constexpr std::size_t kPayloadRequests = 16;
constexpr std::size_t kHttpThreads = 24 + kPayloadRequests;
// Idle keep-alive connections and slow senders hold a thread too: short limits free it soon,
// and a shutdown does not wait long for them.
constexpr time_t kKeepAliveSeconds = 1;
constexpr time_t kReadTimeoutSeconds = 3;

ApiLimits api_limits(const ServeOptions& options) {
  ApiLimits limits;
  if (!options.job_timeout_s.empty()) {
    playground::ParamSpec spec = kTimeoutSeconds;
    spec.flag = "--job-timeout-s";
    limits.job_timeout = std::chrono::seconds(playground::parse_numeric(options.job_timeout_s, spec));
  }
  if (!options.mpi_ranks.empty()) {
    const std::uint64_t most = native_capabilities().max_ranks;
    if (most == 0) throw playground::ArgumentError("--mpi-ranks: " + mpi_unavailable_reason());
    const playground::ParamSpec spec{.flag = "--mpi-ranks", .min = 1, .max = most};
    limits.mpi_ranks = playground::parse_numeric(options.mpi_ranks, spec);
  }
  return limits;
}

}  // namespace

void add_serve_flags(CLI::App& serve, ServeOptions& options) {
  serve.add_option("--host", options.host, "address to bind (default 127.0.0.1; other hosts expose the API)");
  serve.add_option("--port", options.port, "port, 0 for any free one (default 8080)")->check(CLI::Range(0, 65535));
  serve.add_option("--root", options.root, "folder of the built page (default web/dist of this checkout)");
  serve.add_flag("--no-isolation{false}", options.isolation,
                 "omit the cross-origin isolation headers (to see the page's fallback)");
  serve.add_option("--allow-host", options.allowed_hosts,
                   "another name the API answers to (Host and Origin), e.g. a classroom server's; repeatable")
      ->type_name("NAME");
  serve.add_option("--job-timeout-s", options.job_timeout_s,
                   "stop any native job after S seconds (children killed and reaped); " +
                       std::to_string(kTimeoutSeconds.min) + ".." + std::to_string(kTimeoutSeconds.max) + ", default 120")
      ->type_name("S");
  serve.add_option("--mpi-ranks", options.mpi_ranks,
                   "let the page run mode mpi: mpirun on this machine with up to N ranks per job (1.." +
                       std::to_string(playground::Capabilities{}.max_ranks) + "; needs Open MPI); default: mode mpi refused")
      ->type_name("N");
}

int run_server(const ServeOptions& options) {
  const std::string root = options.root.empty() ? default_root() : options.root;
  if (!fs::is_directory(root)) {
    std::cerr << "cplay serve: --root " << root << " is not a folder (build the page with npm run build)" << std::endl;
    return 2;
  }
  for (const std::string& name : options.allowed_hosts) check_allowed_host_name(name);
  const ApiLimits limits = api_limits(options);
  // glibc gives threads up to 8 arenas per core and keeps their freed memory: in a server whose
  // requests land on any of its threads, RSS then wanders by several MiB (a soak saw 12 -> 21).
  // Two per core keep the jobs' threads (at most a few per core run at once) apart and RSS flat.
  ::mallopt(M_ARENA_MAX, static_cast<int>(2 * std::max(1u, std::thread::hardware_concurrency())));

  // SIGINT/SIGTERM go to one waiting thread, which stops the server; every other thread
  // (the HTTP pool included) inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous_mask;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous_mask);

  httplib::Server server;
  ApiHandler api(limits);
  PayloadGate payload_gate(kPayloadRequests);
  std::atomic<bool> payload_stopping{false};
  server.new_task_queue = [] { return new httplib::ThreadPool(kHttpThreads); };
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  // httplib writes a response's head and body separately: with Nagle's algorithm on, the body
  // waits for the client's delayed ACK (about 40 ms), so four Workers loading their scripts took
  // 30-270 ms per file, one after another. Small responses go out at once without it.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(kReadTimeoutSeconds, 0);
  server.set_default_headers(default_headers(options.isolation));
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript");
  server.set_payload_max_length(ApiHandler::kMaxRequestBytes);
  if (!server.set_mount_point("/", root)) {
    std::cerr << "cplay serve: cannot serve " << root << std::endl;
    return 1;
  }
  // Set once the port is known (it may be chosen by the system); read by the HTTP threads only
  // after listening starts.
  std::optional<ServerNames> names;
  // Runs before any body is read. Only requests without a body are refused here: a refused
  // body left unread would be taken for the next request on the connection.
  server.set_pre_routing_handler([&names](const httplib::Request& request, httplib::Response& response) {
    const bool has_length = request.has_header("Content-Length");
    auto rejection = check_body_framing(request.method, has_length, request.has_header("Transfer-Encoding"));
    if (rejection) {
      response.set_header("Connection", "close");
    } else if (is_api_path(request.path) && (!has_length || request.get_header_value<std::uint64_t>("Content-Length") == 0)) {
      rejection = check_api_request(head_of(request), *names);
    }
    if (!rejection) return httplib::Server::HandlerResponse::Unhandled;
    send_json(response, rejection->status, rejection->body);
    return httplib::Server::HandlerResponse::Handled;
  });
  // Requests with a body are checked once it is read (at most kMaxRequestBytes), before any work.
  const auto guarded = [&names](auto handler) {
    return [&names, handler](const httplib::Request& request, httplib::Response& response) {
      if (const auto rejection = check_api_request(head_of(request), *names))
        return send_json(response, rejection->status, rejection->body);
      handler(request, response);
    };
  };
  server.Post("/api/run", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.run(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/cancel", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.cancel(request.body));
  }));
  server.Post("/api/start-methods", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.start_methods(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/queue", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.queue(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/deadlock", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.deadlock(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/barrier", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.barrier(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/semaphore", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.semaphore(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/async", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.async_control(request.body, request.get_param_value("job")));
  }));
  server.Post("/api/pool", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    send_answer(response, api.pool(request.body, request.get_param_value("job")));
  }));
  // A stream of NDJSON lines (chunked): fetch() reads it line by line with a ReadableStream, and
  // unlike Server-Sent Events (EventSource) it is a plain POST with a JSON body through the same
  // guard as every other endpoint. Bad input is refused at once with its status; once streaming,
  // the status is 200 and the outcome (report or error report) is the last line.
  server.Post("/api/monitor", guarded([&api](const httplib::Request& request, httplib::Response& response) {
    auto start = std::make_shared<ApiHandler::MonitorStart>(api.monitor_start(request.body, request.get_param_value("job")));
    if (start->refusal) return send_answer(response, *start->refusal);
    response.status = 200;
    response.set_header("Cache-Control", "no-store");
    response.set_header("Cplay-Job", start->id);
    response.set_chunked_content_provider("application/x-ndjson", [&api, start](std::size_t, httplib::DataSink& sink) {
      // A failed write means the client went away: the job is stopped and its children reaped.
      api.monitor_stream(*start, [&sink](const std::string& line) {
        const std::string framed = line + "\n";
        return sink.write(framed.data(), framed.size());
      });
      sink.done();
      return true;
    });
  }));
  server.Get("/api/info", [&api](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, api.info());
  });
  // The io demo's download for the page's browser side: a body after a latency, no job (it only
  // waits), guarded like the rest before routing (Host, Origin), at most kPayloadRequests at once.
  server.Get("/api/payload", [&payload_gate, &payload_stopping](const httplib::Request& request, httplib::Response& response) {
    answer_payload_request(request, response, payload_gate, payload_stopping);
  });
  server.set_error_handler([&names](const httplib::Request& request, httplib::Response& response) {
    // Runs for every status >= 400, including the API's own error reports: keep those.
    if (!response.body.empty() || !is_api_path(request.path)) return;
    if (response.status == 404) {
      // A request with a body to a path that has no route: the guard names the problem.
      if (const auto rejection = check_api_request(head_of(request), *names))
        return send_json(response, rejection->status, rejection->body);
    }
    const bool too_large = response.status == 413;
    send_json(response, response.status,
              playground::error_to_json(too_large ? "too-large" : "bad-request",
                                        too_large ? "the request body is larger than " +
                                                        std::to_string(ApiHandler::kMaxRequestBytes) + " bytes"
                                                  : "cannot handle this request (HTTP " +
                                                        std::to_string(response.status) + ")"));
  });

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "cplay serve: cannot listen on " << options.host << ":" << options.port
              << " (in use, or not an address of this machine)" << std::endl;
    pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
    return 1;
  }
  names.emplace(options.host, static_cast<std::uint16_t>(port), options.allowed_hosts);

  std::thread stopper([&server, &api, &payload_stopping, stop_signals] {
    int received = 0;
    sigwait(&stop_signals, &received);
    api.shut_down();
    payload_stopping.store(true);  // payloads waiting out their latency end now
    server.stop();
  });
  std::cout << "cplay serve: http://" << options.host << ":" << port << "/ (root " << root << ")" << std::endl;
  std::string own_names;
  for (const std::string& name : names->hosts()) own_names += (own_names.empty() ? "" : ", ") + name;
  std::cout << "cplay serve: the API answers pages from " << own_names << " only; jobs stop after "
            << std::chrono::duration_cast<std::chrono::seconds>(limits.job_timeout).count() << " s";
  if (limits.mpi_ranks > 0) std::cout << "; mode mpi runs mpirun here with up to " << limits.mpi_ranks << " ranks";
  std::cout << std::endl;
  server.listen_after_bind();
  if (server.is_running()) server.stop();
  // Wake the stopper if the server ended for another reason.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
  std::cout << "cplay serve: stopped" << std::endl;
  return 0;
}

}  // namespace cplay
