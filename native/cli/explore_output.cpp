#include "cli/explore_output.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <string>

#include "cli/human_output.hpp"

namespace cplay {
namespace {

using playground::ExploreProgram;

std::string joined(const std::vector<std::uint32_t>& values) {
  std::string out;
  for (auto v : values) (out.empty() ? out : out += ',') += std::to_string(v);
  return out;
}

void print_programs(std::ostream& out, const ExploreProgram& program) {
  bool all_same = true;
  for (const auto& ops : program.workers) {
    if (ops.size() != program.workers.front().size()) all_same = false;
    for (std::size_t i = 0; all_same && i < ops.size(); ++i) all_same = ops[i].text == program.workers.front()[i].text;
  }
  for (std::size_t w = 0; w < program.workers.size(); ++w) {
    if (all_same && w > 0) break;
    out << (all_same ? "every worker" : "worker " + std::to_string(w)) << " (C++, then the same step in Python):\n";
    std::size_t width = 0;
    for (const auto& op : program.workers[w]) width = std::max(width, op.text.size());
    for (std::size_t i = 0; i < program.workers[w].size(); ++i)
      out << "  " << std::setw(2) << std::right << i << "  " << std::left << std::setw(static_cast<int>(width + 3))
          << program.workers[w][i].text << program.workers[w][i].python << "\n";
    out << std::right;
  }
  if (program.cooperative) out << "(one thread: a coroutine runs until its next await before another may)\n";
}

std::string share(std::uint64_t part, std::uint64_t whole) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return text;
}

}  // namespace

void print_exploration(std::ostream& out, const playground::ExploreReport& report) {
  out << "explore " << report.program.title << "\n";
  print_programs(out, report.program);
  out << "\n"
      << (report.saturated ? "at least " : "") << report.schedules << " schedules, " << report.states
      << " distinct states (each explored once), in " << ms_text(report.wall_ms) << "\n\n";
  out << std::left << std::setw(24) << "outcome" << std::right << std::setw(20) << "schedules" << std::setw(9)
      << "share" << "   witness (the worker of each step)\n";
  for (const auto& o : report.outcomes)
    out << std::left << std::setw(24) << o.label << std::right << std::setw(20) << o.schedules << std::setw(9)
        << share(o.schedules, report.schedules) << "   " << joined(o.witness) << "\n";
  // The outcome worth stepping through: a deadlock if there is one, else the lowest counter.
  const playground::ExploreOutcome* shown = report.outcomes.empty() ? nullptr : &report.outcomes.front();
  for (const auto& o : report.outcomes)
    if (o.deadlock) shown = &o;
  if (shown) out << "\nStep through " << shown->label << ": add --schedule " << joined(shown->witness) << "\n";
}

void print_replay(std::ostream& out, const playground::ReplayReport& report) {
  const ExploreProgram& program = report.program;
  out << "replay " << program.title << ", schedule " << joined(report.schedule) << "\n";
  for (std::size_t i = 0; i < report.steps.size(); ++i) {
    const auto& s = report.steps[i];
    for (std::size_t j = 0; j < s.ops.size(); ++j)
      out << std::left << std::setw(9) << (j == 0 ? "step " + std::to_string(i + 1) : "") << std::right << "worker "
          << s.worker << "  " << s.ops[j] << "\n";
  }
  out << "shared:";
  for (std::size_t i = 0; i < program.variables.size(); ++i)
    out << " " << program.variables[i] << " = " << report.final_state.variables[i] << ";";
  for (std::size_t i = 0; i < program.locks.size(); ++i) {
    const int owner = report.final_state.owners[i];
    out << " " << program.locks[i] << (owner < 0 ? " free" : " held by worker " + std::to_string(owner)) << ";";
  }
  out << "\n";
  if (report.outcome) {
    out << "outcome: " << *report.outcome << "\n";
  } else {
    std::string movers;
    for (auto w : report.can_still_move) (movers.empty() ? movers : movers += ", ") += std::to_string(w);
    out << "not finished: worker" << (report.can_still_move.size() > 1 ? "s " : " ") << movers
        << " can still move\n";
  }
}

}  // namespace cplay
