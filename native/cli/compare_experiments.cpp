#include "cli/compare_experiments.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "barrier/barrier_experiment.hpp"
#include "cli/experiment_flags.hpp"
#include "common/demo_options.hpp"
#include "deadlock/deadlock_experiment.hpp"
#include "playground/barrier.hpp"
#include "playground/barrier_json.hpp"
#include "playground/deadlock_json.hpp"
#include "playground/platform.hpp"
#include "playground/queue_catalog.hpp"
#include "playground/queue_json.hpp"
#include "playground/semaphore.hpp"
#include "playground/semaphore_json.hpp"
#include "queue/queue_experiment.hpp"

namespace cplay {

using nlohmann::json;

namespace {

// One experiment whose runs differ by one input: each of `values` of `key` is a row.
struct ComparedExperiment {
  std::string name;
  std::string summary;
  std::vector<playground::ParamSpec> specs;  // every input the rows share (`key` left out)
  std::string key;
  std::vector<std::string> values;
  void (*validate)(const json& request);     // throws the core's message for bad input
  json (*run)(const json& request);          // one run's JSON report
  std::string (*describe)(const json& report);
};

std::vector<playground::ParamSpec> without(std::vector<playground::ParamSpec> specs, std::string_view key) {
  std::erase_if(specs, [key](const playground::ParamSpec& spec) { return spec.key == key; });
  return specs;
}

std::string fixed(double value, int digits) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

void validate_queue(const json& request) { (void)playground::parse_queue_request(request); }
json run_queue_json(const json& request) { return run_queue(playground::parse_queue_request(request)).report; }

std::string describe_queue(const json& report) {
  const json& result = report.at("result");
  std::string text = std::to_string(result.at("messages_received").get<std::uint64_t>()) + " of " +
                     std::to_string(result.at("messages_sent").get<std::uint64_t>()) + " messages, " +
                     (result.at("exactly_once").get<bool>() ? "each exactly once" : "NOT exactly once") +
                     ", deepest " + std::to_string(result.at("max_depth").get<std::uint64_t>());
  if (report.contains("handoff") && report["handoff"].value("outcome", "") == "deadlock") text += "; hand-off deadlocked";
  return text;
}

void validate_deadlock(const json& request) { (void)playground::deadlock_options_from_json(request); }
json run_deadlock_json(const json& request) {
  return playground::deadlock_report_to_json(run_deadlock(playground::deadlock_options_from_json(request)));
}

std::string describe_deadlock(const json& report) {
  if (report.at("deadlock").get<bool>())
    return "deadlock found after " + fixed(report.at("detected_ms").get<double>(), 1) + " ms (" +
           std::to_string(report.at("cycle").size()) + " in the cycle)";
  return std::to_string(report.at("rounds_completed").get<std::uint64_t>()) + " rounds, " +
         std::to_string(report.at("retries").get<std::uint64_t>()) + " retries, no deadlock";
}

void validate_barrier(const json& request) { (void)playground::barrier_options_from_json(request); }
json run_barrier_json(const json& request) {
  return playground::barrier_report_to_json(playground::run_barrier_threads(playground::barrier_options_from_json(request)));
}

std::string describe_barrier(const json& report) {
  if (report.at("correct").get<bool>()) return "correct";
  return "WRONG: " + std::to_string(report.at("wrong_cells").get<std::uint64_t>()) + " cells, " +
         std::to_string(report.at("stale_reads").get<std::uint64_t>()) + " stale reads";
}

void validate_semaphore(const json& request) { (void)playground::semaphore_options_from_json(request); }
json run_semaphore_json(const json& request) {
  return playground::semaphore_report_to_json(playground::run_semaphore(playground::semaphore_options_from_json(request)));
}

std::string describe_semaphore(const json& report) {
  return "most in flight " + std::to_string(report.at("max_in_flight").get<std::uint64_t>()) + " of limit " +
         std::to_string(report.at("limit").get<std::uint64_t>()) + ", " +
         fixed(report.at("ratio").get<double>(), 2) + "x the ideal " +
         fixed(report.at("ideal_ms").get<double>(), 0) + " ms";
}

const std::vector<ComparedExperiment>& compared_experiments() {
  static const std::vector<ComparedExperiment> experiments = {
      {"queue", "a bounded queue in threads and through a real pipe between processes", playground::queue_param_specs(),
       "mode", {"threads", "processes"}, validate_queue, run_queue_json, describe_queue},
      {"deadlock", "two locks each, in threads and in processes with process-shared mutexes",
       without(playground::deadlock_param_specs(), "mode"), "mode", {"threads", "processes"}, validate_deadlock, run_deadlock_json,
       describe_deadlock},
      {"barrier", "phases with a barrier, with a join per phase, and with neither",
       without(playground::barrier_param_specs(), "sync"), "sync", {"barrier", "join", "none"}, validate_barrier, run_barrier_json,
       describe_barrier},
      {"semaphore", "at most K downloads at once, in threads and as coroutines",
       without(playground::semaphore_param_specs(), "mode"), "mode", {"threads", "async"}, validate_semaphore, run_semaphore_json,
       describe_semaphore},
  };
  return experiments;
}

// The inputs the user gave, as flags: " --tasks 4 --limit 2".
std::string given_flags(const ComparedExperiment& experiment, const json& request) {
  std::string text;
  for (const playground::ParamSpec& spec : experiment.specs) {
    const auto given = request.find(std::string(spec.key));
    if (given == request.end()) continue;
    text += " " + std::string(spec.flag);
    if (spec.kind != playground::ParamKind::Flag) text += " " + given->get<std::string>();
  }
  return text;
}

int run_experiment_compare(const ComparedExperiment& experiment, const ExperimentFlags& flags, std::uint64_t repeat,
                           std::ostream& out) {
  std::vector<json> requests;
  for (const std::string& value : experiment.values) {
    json request = flags.request_json();
    request[experiment.key] = value;
    experiment.validate(request);  // every row before any runs
    requests.push_back(std::move(request));
  }
  const bool json_output = flags.json_output();
  if (!json_output) {
    out << "compare " << experiment.name << given_flags(experiment, flags.request_json()) << " on "
        << playground::hardware_cores() << " cores"
        << (repeat > 1 ? ", fastest of " + std::to_string(repeat) + " runs per " + experiment.key : "") << "\n"
        << std::left << std::setw(12) << experiment.key << std::setw(12) << "wall time" << std::setw(10) << "ratio"
        << "result\n";
  }
  // Rounds visit every row in turn so that a slow spell of a shared machine hits all rows alike.
  std::vector<std::optional<json>> fastest(requests.size());
  for (std::uint64_t round = 0; round < repeat; ++round) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      json report = experiment.run(requests[i]);
      if (!fastest[i] || report.at("wall_ms").get<double>() < fastest[i]->at("wall_ms").get<double>())
        fastest[i] = std::move(report);
    }
  }
  const double first_ms = fastest.front()->at("wall_ms").get<double>();
  for (std::size_t i = 0; i < fastest.size(); ++i) {
    const json& report = *fastest[i];
    if (json_output) {
      out << report.dump() << std::endl;
      continue;
    }
    const double wall_ms = report.at("wall_ms").get<double>();
    out << std::setw(12) << experiment.values[i] << std::setw(12) << (fixed(wall_ms, 1) + " ms") << std::setw(10)
        << (wall_ms > 0 ? fixed(first_ms / wall_ms, 2) + "x" : "-") << experiment.describe(report) << std::endl;
  }
  return 0;
}

}  // namespace

void add_experiment_comparisons(CLI::App& compare, std::function<int()>& action) {
  for (const ComparedExperiment& experiment : compared_experiments()) {
    std::string values;
    for (const std::string& value : experiment.values) values += (values.empty() ? "" : ", ") + value;
    CLI::App* sub = compare.add_subcommand(experiment.name, experiment.summary + " (each " + experiment.key + ": " +
                                                                values + ")");
    struct Flags {
      Flags(CLI::App& command, const ComparedExperiment& compared) : inputs(command, compared.specs) {}
      ExperimentFlags inputs;
      std::string repeat = "1";
      std::string ignored_key;
    };
    auto flags = std::make_shared<Flags>(*sub, experiment);  // owned by the callback, which lives as long as `compare`
    sub->add_option("--repeat", flags->repeat, "run each row R times and show the fastest (machines are noisy); 1..20, default 1")
        ->type_name("R");
    sub->footer("Each row runs with the same inputs; the ratio is the first row's wall time over the row's. A deadlock or "
                "a wrong answer is a row's result, not a failure: exit 0 once every row has run, 2 for bad input.");
    // The compared input belongs to the rows: say so instead of CLI11's "not expected".
    const std::string key_flag = "--" + experiment.key;
    CLI::Option* key_option = sub->add_option(key_flag, flags->ignored_key, "not an input here: each row runs one " +
                                                                             experiment.key + " (" + values + ")");
    sub->final_callback([&action, flags, &experiment, key_option, key_flag, values] {
      if (key_option->count() != 0)
        throw CLI::ValidationError(key_flag, "compare runs every " + experiment.key + " in turn (" + values +
                                                 "); leave " + key_flag + " out, or run 'cplay " + experiment.name + " " +
                                                 key_flag + " ...' for one");
      action = [flags, &experiment] { 
        return run_experiment_compare(experiment, flags->inputs, playground::parse_numeric(flags->repeat, kCompareRepeat),
                                      std::cout);
       };
    });
  }
}

}  // namespace cplay
