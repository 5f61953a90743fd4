#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace cplay {

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string root;        // the built page; default: web/dist beside the build
  bool isolation = true;   // send the cross-origin isolation headers
  std::vector<std::string> allowed_hosts;  // more names the API answers to (--allow-host)
  std::string job_timeout_s;               // --job-timeout-s as given; empty: 120 s
  std::string mpi_ranks;                   // --mpi-ranks as given; empty: mode mpi refused
};

void add_serve_flags(CLI::App& serve, ServeOptions& options);

// Serves until SIGINT/SIGTERM. Returns the exit code.
int run_server(const ServeOptions& options);

}  // namespace cplay
