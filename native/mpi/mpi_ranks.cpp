#include "mpi/mpi_ranks.hpp"

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/human_output.hpp"
#include "common/execute.hpp"
#include "mpi/mpi_race.hpp"
#include "mpi/mpi_verdict.hpp"
#include "mpi/mpi_tasks.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "playground/report_json.hpp"

namespace cplay::mpi {
namespace {

using nlohmann::json;
using playground::Request;

// The request after defaults, as JSON text; ArgumentError when rank 0 refuses it.
std::string checked_request(const World& world, const DemoOptions& options) {
  json raw = options.request_json();
  if (!raw.contains("workers")) raw["workers"] = world.size();
  const Request request = parse_native_request(raw);
  check_one_rank_per_worker(world, request.workers);
  return playground::request_to_json(request).dump();
}

playground::Report run_once(const World& world, const Request& request, const playground::RunHooks& hooks,
                            const std::string& library) {
  world.barrier();
  const double origin = playground::now_ms();
  RankOutcome mine;
  std::uint64_t chunks = 0;
  std::int64_t race_final = 0;
  if (request.demo == playground::Demo::Race) {
    RaceJob job = run_race_job(world, request);
    mine = std::move(job.outcome);
    race_final = job.final_value;
  } else {
    TaskJob job = run_task_job(world, request, origin, hooks);
    mine = std::move(job.outcome);
    chunks = job.chunks;
  }
  std::vector<RankOutcome> outcomes;
  for (const std::string& text : world.gather(outcome_to_text(mine))) outcomes.push_back(outcome_from_text(request.demo, text));
  // Every rank learns whether any rank was stopped, so that all of them end the job together.
  const bool stopped = std::any_of(outcomes.begin(), outcomes.end(), [](const RankOutcome& o) { return o.stopped; });
  if (world.broadcast(stopped ? "S" : "K") == "S") hooks.throw_stopped();
  if (!world.root()) return {};
  playground::Report report = assemble_job(request, outcomes, {library, chunks, playground::now_ms() - origin});
  if (request.demo == playground::Demo::Race) {
    auto& race = std::get<playground::RaceResult>(report.result);
    race.expected = static_cast<std::int64_t>(request.workers * request.params.increments);
    race.final_value = race_final;
    race.lost = race.expected - race_final;
  }
  return report;
}

}  // namespace

int run_mpi_ranks(const DemoOptions& options, std::span<char* const> argv) {
  int argc = static_cast<int>(argv.size());
  char** args = const_cast<char**>(argv.data());
  World world(argc, args);

  const auto checked = decided_on_root(world, [&] { return checked_request(world, options); });
  if (!checked) return 2;
  const Request request = parse_native_request(json::parse(*checked));
  playground::RunHooks hooks;
  if (options.timeout_ms() > 0) hooks.deadline_ms = playground::now_ms() + options.timeout_ms();
  const std::string library = world.library();

  const std::uint64_t runs = request.demo == playground::Demo::Race ? request.params.runs : 1;
  std::vector<playground::Report> reports;
  for (std::uint64_t i = 0; i < runs; ++i) {
    playground::Report report = run_once(world, request, hooks, library);
    if (!world.root()) continue;
    print_run(std::cout, report, options.json_output(), i, runs);
    reports.push_back(std::move(report));
  }
  if (world.root() && !options.json_output()) print_race_summary(std::cout, reports);
  return 0;
}

}  // namespace cplay::mpi
