#include "cli/compare_experiments.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <initializer_list>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "barrier/barrier_experiment.hpp"
#include "cli/experiment_flags.hpp"
#include "common/demo_options.hpp"
#include "deadlock/deadlock_experiment.hpp"
#include "playground/pool_json.hpp"
#include "pool/pool_experiment.hpp"
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

// One row of a comparison: its label and the inputs that make it differ from the other rows.
struct Row {
  std::string label;
  json inputs;
};

// One experiment run once per row, with the same other inputs in every row.
struct ComparedExperiment {
  std::string name;
  std::string summary;
  std::string heading;                       // the table's first column: what tells the rows apart
  std::vector<Row> rows;
  std::vector<playground::ParamSpec> specs;  // every input the rows share (theirs left out)
  void (*validate)(const json& request);     // throws the core's message for bad input
  json (*run)(const json& request);          // one run's JSON report
  std::string (*describe)(const json& report);
  double (*wall_ms)(const json& report);     // what the table times and ranks
};

double report_wall_ms(const json& report) { return report.at("wall_ms").get<double>(); }

// The rows' own inputs, as request keys.
std::vector<std::string> row_keys(const std::vector<Row>& rows) {
  std::vector<std::string> keys;
  for (const Row& row : rows)
    for (const auto& [key, value] : row.inputs.items())
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  return keys;
}

std::vector<playground::ParamSpec> without_rows_inputs(std::vector<playground::ParamSpec> specs, const std::vector<Row>& rows) {
  const std::vector<std::string> keys = row_keys(rows);
  std::erase_if(specs, [&keys](const playground::ParamSpec& spec) {
    return std::find(keys.begin(), keys.end(), std::string(spec.key)) != keys.end();
  });
  return specs;
}

std::vector<Row> rows_of(const char* key, std::initializer_list<const char*> values) {
  std::vector<Row> rows;
  for (const char* value : values) rows.push_back({value, {{key, value}}});
  return rows;
}

ComparedExperiment compared(std::string name, std::string summary, std::string heading, std::vector<Row> rows,
                            const std::vector<playground::ParamSpec>& specs, void (*validate)(const json&),
                            json (*run)(const json&), std::string (*describe)(const json&),
                            double (*wall_ms)(const json&) = report_wall_ms) {
  std::vector<playground::ParamSpec> shared = without_rows_inputs(specs, rows);
  return {std::move(name), std::move(summary), std::move(heading), std::move(rows), std::move(shared),
          validate,        run,                describe,           wall_ms};
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

void validate_pool(const json& request) { (void)playground::pool_options_from_json(request); }
json run_pool_json(const json& request) {
  return playground::pool_report_to_json(run_pool_experiment(playground::pool_options_from_json(request)));
}

// A pool row is timed by its pool's run; the fresh run beside it shows what starting per task costs.
double pool_wall_ms(const json& report) { return report.at("pool").at("wall_ms").get<double>(); }

std::string describe_pool(const json& report) {
  const json& pool = report.at("pool");
  const json& fresh = report.at("fresh");
  return std::string(report.at("correct").get<bool>() ? "" : "WRONG sums; ") + "pool: " +
         std::to_string(pool.at("starts").get<std::uint64_t>()) + " starts, " +
         fixed(pool.at("start_cost_ms").get<double>(), 1) + " ms starting; fresh: " +
         std::to_string(fresh.at("starts").get<std::uint64_t>()) + " starts, " +
         fixed(fresh.at("start_cost_ms").get<double>(), 1) + " ms starting, " +
         fixed(fresh.at("wall_ms").get<double>(), 1) + " ms in all (" +
         fixed(report.at("fresh_over_pool").get<double>(), 2) + "x the pool)";
}

const std::vector<ComparedExperiment>& compared_experiments() {
  static const std::vector<ComparedExperiment> experiments = {
      compared("queue", "a bounded queue in threads and through a real pipe between processes", "mode",
               rows_of("mode", {"threads", "processes"}), playground::queue_param_specs(), validate_queue, run_queue_json,
               describe_queue),
      compared("deadlock", "two locks each, in threads and in processes with process-shared mutexes", "mode",
               rows_of("mode", {"threads", "processes"}), playground::deadlock_param_specs(), validate_deadlock,
               run_deadlock_json, describe_deadlock),
      compared("barrier", "phases with a barrier, with a join per phase, and with neither", "sync",
               rows_of("sync", {"barrier", "join", "none"}), playground::barrier_param_specs(), validate_barrier,
               run_barrier_json, describe_barrier),
      compared("semaphore", "at most K downloads at once, in threads and as coroutines", "mode",
               rows_of("mode", {"threads", "async"}), playground::semaphore_param_specs(), validate_semaphore,
               run_semaphore_json, describe_semaphore),
      compared("pool", "a pool of W workers started once against a fresh worker per task", "mode",
               {{"threads", {{"mode", "threads"}}},
                {"processes (fork)", {{"mode", "processes"}, {"start_method", "fork"}}},
                {"processes (spawn)", {{"mode", "processes"}, {"start_method", "spawn"}}}},
               playground::pool_param_specs(), validate_pool, run_pool_json, describe_pool, pool_wall_ms),
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
  for (const Row& row : experiment.rows) {
    json request = flags.request_json();
    request.update(row.inputs);
    experiment.validate(request);  // every row before any runs
    requests.push_back(std::move(request));
  }
  const bool json_output = flags.json_output();
  if (!json_output) {
    out << "compare " << experiment.name << given_flags(experiment, flags.request_json()) << " on "
        << playground::hardware_cores() << " cores"
        << (repeat > 1 ? ", fastest of " + std::to_string(repeat) + " runs per " + experiment.heading : "") << "\n"
        << std::left << std::setw(20) << experiment.heading << std::setw(12) << "wall time" << std::setw(10) << "ratio"
        << "result\n";
  }
  // Rounds visit every row in turn so that a slow spell of a shared machine hits all rows alike.
  std::vector<std::optional<json>> fastest(requests.size());
  for (std::uint64_t round = 0; round < repeat; ++round) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      json report = experiment.run(requests[i]);
      if (!fastest[i] || experiment.wall_ms(report) < experiment.wall_ms(*fastest[i]))
        fastest[i] = std::move(report);
    }
  }
  const double first_ms = experiment.wall_ms(*fastest.front());
  for (std::size_t i = 0; i < fastest.size(); ++i) {
    const json& report = *fastest[i];
    if (json_output) {
      out << report.dump() << std::endl;
      continue;
    }
    const double wall_ms = experiment.wall_ms(report);
    out << std::setw(20) << experiment.rows[i].label << std::setw(12) << (fixed(wall_ms, 1) + " ms") << std::setw(10)
        << (wall_ms > 0 ? fixed(first_ms / wall_ms, 2) + "x" : "-") << experiment.describe(report) << std::endl;
  }
  return 0;
}

std::string flag_of(const std::string& key) {
  std::string flag = "--" + key;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

}  // namespace

void add_experiment_comparisons(CLI::App& compare, std::function<int()>& action) {
  for (const ComparedExperiment& experiment : compared_experiments()) {
    std::string labels;
    for (const Row& row : experiment.rows) labels += (labels.empty() ? "" : ", ") + row.label;
    CLI::App* sub = compare.add_subcommand(experiment.name, experiment.summary + " (rows: " + labels + ")");
    struct Flags {
      Flags(CLI::App& command, const ComparedExperiment& compared) : inputs(command, compared.specs) {}
      ExperimentFlags inputs;
      std::string repeat = "1";
      std::map<std::string, std::string> row_inputs;  // given only to be refused
    };
    auto flags = std::make_shared<Flags>(*sub, experiment);  // owned by the callback, which lives as long as `compare`
    sub->add_option("--repeat", flags->repeat, "run each row R times and show the fastest (machines are noisy); 1..20, default 1")
        ->type_name("R");
    sub->footer("Each row runs with the same inputs; the ratio is the first row's wall time over the row's. A deadlock or "
                "a wrong answer is a row's result, not a failure: exit 0 once every row has run, 2 for bad input.");
    // The rows' own inputs belong to the rows: say so instead of CLI11's "not expected".
    std::vector<std::pair<std::string, CLI::Option*>> refused;
    for (const std::string& key : row_keys(experiment.rows)) {
      const std::string flag = flag_of(key);
      refused.emplace_back(flag, sub->add_option(flag, flags->row_inputs[key], "not an input here: each row runs its own (" +
                                                                               labels + ")"));
    }
    sub->final_callback([&action, flags, &experiment, refused, labels] {
      for (const auto& [flag, option] : refused)
        if (option->count() != 0)
          throw CLI::ValidationError(flag, "compare runs every row in turn (" + labels + "); leave " + flag +
                                               " out, or run 'cplay " + experiment.name + " " + flag + " ...' for one");
      action = [flags, &experiment] {
        return run_experiment_compare(experiment, flags->inputs, playground::parse_numeric(flags->repeat, kCompareRepeat),
                                      std::cout);
      };
    });
  }
}

}  // namespace cplay
