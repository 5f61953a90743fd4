#include "cli/cli.hpp"

#include <functional>
#include <iostream>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/async_command.hpp"
#include "cli/compare.hpp"
#include "cli/compare_experiments.hpp"
#include "cli/barrier_command.hpp"
#include "cli/deadlock_command.hpp"
#include "cli/explore_command.hpp"
#include "common/demo_options.hpp"
#include "common/execute.hpp"
#include "cli/human_output.hpp"
#include "common/machine_info.hpp"
#include "playground/errors.hpp"
#include "playground/report_json.hpp"
#include "server/serve.hpp"
#include "cli/queue_command.hpp"
#include "cli/pool_command.hpp"
#include "cli/semaphore_command.hpp"
#include "cli/monitor_command.hpp"
#include "cli/mpi_demo.hpp"
#include "mpi_launch/mpi_program.hpp"
#include "cli/start_methods_command.hpp"

namespace cplay {

using playground::Demo;

namespace {

// One subcommand per demo of the core's catalog, with its one-line summary.
void add_demo_subcommands(CLI::App& parent, std::vector<std::unique_ptr<DemoOptions>>& demos, bool with_mode,
                          const std::function<void(DemoOptions*)>& on_chosen) {
  for (const auto& spec : playground::demo_specs()) {
    CLI::App* sub = parent.add_subcommand(std::string(playground::to_string(spec.demo)), std::string(spec.summary));
    demos.push_back(std::make_unique<DemoOptions>(*sub, spec.demo, with_mode));
    DemoOptions* options = demos.back().get();
    sub->final_callback([on_chosen, options] { on_chosen(options); });
  }
}

// "a, b, c" of a list of names.
template <typename Names>
std::string listed(const Names& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

CLI::App* find_subcommand(CLI::App& parent, const std::string& name) {
  for (CLI::App* sub : parent.get_subcommands({}))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

int run_demo(const DemoOptions& options, std::span<char* const> argv) {
  if (options.request_json().value("mode", "") == "mpi") return mpi_demo_runner()(options, argv);
  const playground::Request request = parse_native_request(options.request_json());
  const ExecuteOptions execute_options{.show_progress = !options.json_output(), .timeout_ms = options.timeout_ms()};
  const std::uint64_t runs = request.demo == Demo::Race ? request.params.runs : 1;
  std::vector<playground::Report> reports;
  for (std::uint64_t i = 0; i < runs; ++i) {
    try {
      reports.push_back(execute(request, execute_options));
    } catch (const playground::RunError& e) {
      if (e.code() != "timeout") throw;
      throw playground::RunError(std::string(e.what()) + " (--timeout-s " +
                                     std::to_string(static_cast<std::uint64_t>(execute_options.timeout_ms / 1000)) + ")",
                                 e.code());
    }
    print_run(std::cout, reports.back(), options.json_output(), i, runs);
  }
  if (!options.json_output()) print_race_summary(std::cout, reports);
  return 0;
}

}  // namespace

int cli_main(int argc, char** argv) {
  // The chosen subcommand's work, run after parsing so that every error path below applies to it.
  std::function<int()> action;
  CLI::App app{"cplay: concurrency, parallelism and async execution, run for real on this machine's cores"};
  app.set_version_flag("--version", CPLAY_VERSION);
  app.require_subcommand(1);

  std::vector<std::unique_ptr<DemoOptions>> demos;
  const std::span<char* const> arguments(argv, static_cast<std::size_t>(argc));
  add_demo_subcommands(app, demos, true, [&action, arguments](DemoOptions* options) {
    action = [options, arguments] { return run_demo(*options, arguments); };
  });

  CLI::App* compare = app.add_subcommand("compare", "run one workload in every mode, or one experiment in each of its ways, and print one table");
  compare->require_subcommand(1);
  add_demo_subcommands(*compare, demos, false, [&action](DemoOptions* options) {
    action = [options] { return run_compare(options->request_json(), options->repeat(), options->json_output(), std::cout); };
  });
  add_experiment_comparisons(*compare, action);

  CLI::App* info = app.add_subcommand("info", "this process's pid and tid, the cores and the start methods");
  bool info_json = false;
  info->add_flag("--json", info_json, "print JSON");
  info->final_callback([&action, &info_json] { action = [&info_json] {
    const auto facts = machine_info();
    if (info_json) {
      std::cout << facts.dump() << std::endl;
    } else {
      std::cout << "pid " << facts["pid"] << ", tid " << facts["tid"] << "\n"
                << "cores " << facts["cores"] << " (" << facts["cpu"].get<std::string>() << ")\n"
                << "start methods: " << listed(facts["start_methods"].get<std::vector<std::string>>()) << "\n"
                << "modes: " << listed(facts["modes"].get<std::vector<std::string>>()) << "\n"
                << "cplay " << CPLAY_VERSION << ", " << facts["platform"]["compiler"].get<std::string>() << std::endl;
    }
    return 0;
  }; });

  add_start_methods_command(app, action);
  add_queue_command(app, action);
  add_deadlock_command(app, action);
  add_semaphore_command(app, action);
  add_async_command(app, action);
  add_pool_command(app, action);
  add_barrier_command(app, action, arguments);
  add_explore_command(app, action);
  add_monitor_command(app, action);

  ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand("serve", "serve the web page and the native API (POST /api/run)");
  add_serve_flags(*serve, serve_options);
  serve->final_callback([&action, &serve_options] { action = [&serve_options] { return run_server(serve_options); }; });

  // In an MPI job every rank parses the same command line: rank 0 alone reports bad input.
  const bool reports_bad_input = rank_from_environment() <= 0;
  try {
    // CLI11 would only say that a subcommand is required: name the word it did not know.
    for (int i = 1; i < argc && i < 3; ++i) {
      const std::string word = argv[i];
      if (word.empty() || word[0] == '-') break;
      CLI::App* level = i == 1 ? &app : find_subcommand(app, argv[1]);
      if (level == nullptr || level->get_subcommands({}).empty()) break;
      if (find_subcommand(*level, word) == nullptr) {
        std::string known;
        for (const CLI::App* sub : level->get_subcommands({})) known += (known.empty() ? "" : "|") + sub->get_name();
        throw playground::ArgumentError("unknown command '" + word + "' (expected " + known + ")");
      }
    }
    app.parse(argc, argv);
    return action ? action() : 0;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (reports_bad_input)
      std::cerr << "cplay: error: " << e.what() << "\n(run 'cplay --help' or 'cplay <command> --help')" << std::endl;
    return 2;
  } catch (const playground::ArgumentError& e) {
    if (reports_bad_input) std::cerr << "cplay: error: " << e.what() << std::endl;
    return 2;
  } catch (const playground::RunError& e) {
    std::cerr << "cplay: run failed: " << e.what() << std::endl;
    return e.code() == "cancelled" ? 130 : 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "cplay: run failed: out of memory" << std::endl;
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cplay: run failed: " << e.what() << std::endl;
    return 1;
  }
}

}  // namespace cplay
