#include "serve.hpp"

#include <iostream>

namespace cplay {

void add_serve_flags(CLI::App& serve, ServeOptions& options) {
  serve.add_option("--host", options.host, "address to bind (default 127.0.0.1)");
  serve.add_option("--port", options.port, "port (default 8080)");
}

int run_server(const ServeOptions&) {
  std::cerr << "cplay serve: not built yet" << std::endl;
  return 1;
}

}  // namespace cplay
