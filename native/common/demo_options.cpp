#include "common/demo_options.hpp"

#include <algorithm>

namespace cplay {

using playground::Demo;

namespace {
// A compare option, not a request input: the CLI keeps its range, the core checks it the same way.
constexpr playground::NumericSpec kRepeat{"repeat", "--repeat", 1, 20};

std::string flag_for(std::string key) {
  std::replace(key.begin(), key.end(), '_', '-');
  return "--" + key;
}
}  // namespace

DemoOptions::DemoOptions(CLI::App& app, Demo demo, bool with_mode) : demo_(demo) {
  switch (demo) {
    case Demo::Primes:
      add_numeric(app, "limit", "count the primes up to N (default 100000)");
      add_text(app, "algorithm", "trial: the seed's trial division (default); sieve: a segmented sieve", "trial|sieve");
      break;
    case Demo::Factorial:
      add_numeric(app, "n", "compute n! (default 100000)");
      add_numeric(app, "count", "how many times to compute it, one task each (default 4)");
      add_switch(app, "print", "include the full decimal expansion");
      break;
    case Demo::Race:
      add_numeric(app, "increments", "additions to the shared counter per worker (default 100000)");
      add_text(app, "sync", "none: read then write back (loses updates); lock: a mutex; atomic: fetch_add (default none)",
               "none|lock|atomic");
      add_switch(app, "shared_memory", "processes mode: put the counter in memory shared by the processes");
      add_numeric(app, "runs", "repeat the race R times (default 1)");
      break;
    case Demo::Io:
      add_numeric(app, "tasks", "number of waiting tasks (default 3)");
      add_numeric(app, "latency_ms", "how long each task waits, in ms (default 1000)");
      break;
  }
  add_numeric(app, "workers", "threads, coroutines or processes (default: primes the cores, factorial --count, race 2, io --tasks)");
  if (!with_mode) {
    repeat_option_ = app.add_option("--repeat", repeat_,
                                    "run each mode R times and show the fastest (machines are noisy); " +
                                        std::to_string(kRepeat.min) + ".." + std::to_string(kRepeat.max) + ", default 1")
                         ->type_name("R");
  }
  if (with_mode) {
    add_text(app, "mode", "how tasks run (default threads)", "sequential|threads|gil-threads|async|processes");
    add_text(app, "start_method", "processes mode: how children start (default fork)", "fork|spawn");
    timeout_option_ = app.add_option("--timeout-s", timeout_,
                                     "stop each run after S seconds (children killed and reaped), exit 1; " +
                                         std::to_string(kTimeoutSeconds.min) + ".." +
                                         std::to_string(kTimeoutSeconds.max) + ", default none")
                          ->type_name("S");
  }
  add_numeric(app, "switch_interval_ms", "gil-threads mode: the GIL's switch interval in ms (default 5, as CPython)");
  app.add_flag("--json", json_, "print one JSON report per run instead of text");
}

void DemoOptions::add_numeric(CLI::App& app, const std::string& key, const std::string& help) {
  const auto& spec = playground::numeric_spec(key);
  given_[key] = app.add_option(flag_for(key), text_[key],
                               help + "; " + std::to_string(spec.min) + ".." + std::to_string(spec.max))
                    ->type_name("N");
}

void DemoOptions::add_text(CLI::App& app, const std::string& key, const std::string& help, const std::string& choices) {
  given_[key] = app.add_option(flag_for(key), text_[key], help)->type_name(choices);
}

void DemoOptions::add_switch(CLI::App& app, const std::string& key, const std::string& help) {
  given_[key] = app.add_flag(flag_for(key), switches_[key], help);
}

std::uint64_t DemoOptions::repeat() const {
  if (repeat_option_ == nullptr || repeat_option_->count() == 0) return 1;
  return playground::parse_numeric(repeat_, kRepeat);
}

double DemoOptions::timeout_ms() const {
  if (timeout_option_ == nullptr || timeout_option_->count() == 0) return 0;
  return 1000.0 * static_cast<double>(playground::parse_numeric(timeout_, kTimeoutSeconds));
}

nlohmann::json DemoOptions::request_json() const {
  nlohmann::json request = {{"demo", playground::to_string(demo_)}, {"params", nlohmann::json::object()}};
  for (const auto& [key, option] : given_) {
    if (option->count() == 0) continue;
    const bool is_switch = switches_.count(key) != 0;
    const nlohmann::json value = is_switch ? nlohmann::json(switches_.at(key)) : nlohmann::json(text_.at(key));
    if (key == "workers" || key == "mode" || key == "start_method") request[key] = value;
    else request["params"][key] = value;
  }
  return request;
}

}  // namespace cplay
