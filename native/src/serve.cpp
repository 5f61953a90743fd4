#include "serve.hpp"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <pthread.h>

#include "api.hpp"
#include "playground/report.hpp"
#include "process_runner.hpp"

namespace cplay {

namespace fs = std::filesystem;

namespace {

// The page needs SharedArrayBuffer for its threads build, hence cross-origin isolation; DIP lets
// Chromium isolate the page even inside another site's iframe (embed mode).
httplib::Headers isolation_headers() {
  return {{"Cross-Origin-Opener-Policy", "same-origin"},
          {"Cross-Origin-Embedder-Policy", "require-corp"},
          {"Cross-Origin-Resource-Policy", "same-origin"},
          {"Document-Isolation-Policy", "isolate-and-require-corp"}};
}

std::string default_root() {
  // build/native/cplay -> web/dist of the same checkout.
  const fs::path exe = self_executable();
  return (exe.parent_path() / ".." / ".." / "web" / "dist").lexically_normal().string();
}

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(body.dump(), "application/json");
}

}  // namespace

void add_serve_flags(CLI::App& serve, ServeOptions& options) {
  serve.add_option("--host", options.host, "address to bind (default 127.0.0.1; other hosts expose the API)");
  serve.add_option("--port", options.port, "port, 0 for any free one (default 8080)")->check(CLI::Range(0, 65535));
  serve.add_option("--root", options.root, "folder of the built page (default web/dist of this checkout)");
  serve.add_flag("--no-isolation{false}", options.isolation,
                 "omit the cross-origin isolation headers (to see the page's fallback)");
}

int run_server(const ServeOptions& options) {
  const std::string root = options.root.empty() ? default_root() : options.root;
  if (!fs::is_directory(root)) {
    std::cerr << "cplay serve: --root " << root << " is not a folder (build the page with npm run build)" << std::endl;
    return 2;
  }

  // SIGINT/SIGTERM go to one waiting thread, which stops the server; every other thread
  // (the HTTP pool included) inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous_mask;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous_mask);

  httplib::Server server;
  ApiHandler api;
  if (options.isolation) server.set_default_headers(isolation_headers());
  server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript");
  server.set_payload_max_length(ApiHandler::kMaxRequestBytes);
  if (!server.set_mount_point("/", root)) {
    std::cerr << "cplay serve: cannot serve " << root << std::endl;
    return 1;
  }
  server.Post("/api/run", [&api](const httplib::Request& request, httplib::Response& response) {
    const ApiResponse answer = api.run(request.body);
    send_json(response, answer.status, answer.body);
  });
  server.Post("/api/cancel", [&api](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, {{"cancelled", api.cancel_job()}});
  });
  server.Get("/api/info", [&api](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, api.info());
  });
  server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
    // Runs for every status >= 400, including the API's own error reports: keep those.
    if (!response.body.empty() || request.path.rfind("/api/", 0) != 0) return;
    const bool missing = response.status == 404;
    send_json(response, response.status,
              playground::error_to_json(missing ? "not-found" : "bad-request",
                                        (missing ? "no such API: " : "cannot handle this request: ") +
                                            request.method + " " + request.path + " (HTTP " +
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

  std::thread stopper([&server, &api, stop_signals] {
    int received = 0;
    sigwait(&stop_signals, &received);
    api.shut_down();
    server.stop();
  });
  std::cout << "cplay serve: http://" << options.host << ":" << port << "/ (root " << root << ")" << std::endl;
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
