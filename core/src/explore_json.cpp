#include <nlohmann/json.hpp>

#include "experiment_json.hpp"
#include "playground/explore.hpp"

namespace playground {
namespace {

using nlohmann::json;

json program_to_json(const ExploreProgram& program) {
  json workers = json::array();
  json python = json::array();
  for (const auto& ops : program.workers) {
    json texts = json::array();
    json python_texts = json::array();
    for (const auto& op : ops) {
      texts.push_back(op.text);
      python_texts.push_back(op.python);
    }
    workers.push_back(std::move(texts));
    python.push_back(std::move(python_texts));
  }
  return {{"title", program.title},   {"variables", program.variables},
          {"locks", program.locks},   {"cooperative", program.cooperative},
          {"workers", std::move(workers)}, {"python", std::move(python)}};
}

json state_to_json(const ExploreProgram& program, const ExploreState& state) {
  json variables = json::object();
  for (std::size_t i = 0; i < program.variables.size(); ++i) variables[program.variables[i]] = state.variables[i];
  json locks = json::object();
  for (std::size_t i = 0; i < program.locks.size(); ++i)
    locks[program.locks[i]] = state.owners[i] < 0 ? json(nullptr) : json(state.owners[i]);
  json registers = json::array();
  for (std::size_t w = 0; w < program.workers.size(); ++w)
    registers.push_back(json::array({state.registers[w * kExploreRegisters], state.registers[w * kExploreRegisters + 1]}));
  return {{"pc", state.pc}, {"registers", std::move(registers)}, {"variables", std::move(variables)}, {"locks", std::move(locks)}};
}

}  // namespace

json explore_report_to_json(const ExploreReport& report) {
  json out = experiment_json::report_head("explore", explore_options_to_json(report.options));
  out["program"] = program_to_json(report.program);
  json outcomes = json::array();
  for (const auto& o : report.outcomes)
    outcomes.push_back({{"label", o.label}, {"schedules", o.schedules}, {"witness", o.witness}, {"deadlock", o.deadlock}});
  out["outcomes"] = std::move(outcomes);
  out["schedules"] = report.schedules;
  out["states"] = report.states;
  out["saturated"] = report.saturated;
  out["wall_ms"] = experiment_json::rounded_ms(report.wall_ms);
  return out;
}

json replay_report_to_json(const ReplayReport& report) {
  json out = experiment_json::report_head("explore", explore_options_to_json(report.options));
  out["program"] = program_to_json(report.program);
  out["schedule"] = report.schedule;
  json steps = json::array();
  for (const auto& s : report.steps) steps.push_back({{"worker", s.worker}, {"ops", s.ops}});
  out["steps"] = std::move(steps);
  out["final"] = state_to_json(report.program, report.final_state);
  out["outcome"] = report.outcome ? json(*report.outcome) : json(nullptr);
  out["can_still_move"] = report.can_still_move;
  return out;
}

}  // namespace playground
