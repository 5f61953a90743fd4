#pragma once
#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace cplay {

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string root;        // the built page; default: web/dist beside the build
  bool isolation = true;   // send the cross-origin isolation headers
};

void add_serve_flags(CLI::App& serve, ServeOptions& options);

// Serves until SIGINT/SIGTERM. Returns the exit code.
int run_server(const ServeOptions& options);

}  // namespace cplay
