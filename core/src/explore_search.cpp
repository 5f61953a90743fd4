// Every schedule, counted without walking each one: a depth-first search that explores each
// distinct state once (state caching) and keeps, per state, how many schedules from it end in
// each outcome and which worker's step leads to the first of them (for a witness).
#include <algorithm>
#include <chrono>
#include <limits>
#include <string>
#include <unordered_map>

#include "playground/errors.hpp"
#include "playground/explore.hpp"

namespace playground {
namespace {

constexpr std::uint32_t kTerminal = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kMaxCount = std::numeric_limits<std::uint64_t>::max();

// a + b, stopping at 2^64 - 1 (and saying so) rather than wrapping.
std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b, bool& saturated) {
  if (a > kMaxCount - b) {
    saturated = true;
    return kMaxCount;
  }
  return a + b;
}

struct OutcomeCount {
  std::uint32_t outcome = 0;  // index into Search::labels
  std::uint64_t schedules = 0;
  std::uint32_t via = kTerminal;  // the worker whose step leads towards it
};

std::string state_key(const ExploreState& state) {
  std::string key;
  key.reserve(state.pc.size() * 2 + (state.registers.size() + state.variables.size()) * 8 + state.owners.size());
  auto append = [&key](const auto& values) {
    key.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(values[0]));
  };
  append(state.pc);
  append(state.registers);
  append(state.variables);
  append(state.owners);
  return key;
}

class Search {
 public:
  Search(const ExploreOptions& options, const ExploreProgram& program) : options_(options), program_(program) {}

  const std::vector<OutcomeCount>& visit(const ExploreState& state) {
    std::string key = state_key(state);
    if (auto found = memo_.find(key); found != memo_.end()) return found->second;
    if (memo_.size() >= kMaxExploreStates)
      throw ArgumentError(program_.title + ": more than " + std::to_string(kMaxExploreStates) +
                          " states to explore (the limit); choose fewer workers or fewer steps per worker");
    std::vector<OutcomeCount> counts;
    for (std::size_t worker = 0; worker < program_.workers.size(); ++worker) {
      if (!can_move(program_, state, worker)) continue;
      ExploreState next = state;
      advance(program_, next, worker);
      // Elements of an unordered_map keep their address when it grows, so this stays valid.
      for (const OutcomeCount& child : visit(next)) add(counts, child.outcome, child.schedules, static_cast<std::uint32_t>(worker));
    }
    if (counts.empty()) add(counts, label_index(outcome_of(program_, options_, state)), 1, kTerminal);
    return memo_.emplace(std::move(key), std::move(counts)).first->second;
  }

  std::vector<std::uint32_t> witness(ExploreState state, std::uint32_t outcome) {
    std::vector<std::uint32_t> schedule;
    for (;;) {
      const auto& counts = memo_.at(state_key(state));
      std::uint32_t via = kTerminal;
      for (const auto& c : counts)
        if (c.outcome == outcome) via = c.via;
      if (via == kTerminal) return schedule;
      advance(program_, state, via);
      schedule.push_back(via);
    }
  }

  const std::vector<std::string>& labels() const { return labels_; }
  std::size_t states() const { return memo_.size(); }
  bool saturated() const { return saturated_; }

 private:
  void add(std::vector<OutcomeCount>& counts, std::uint32_t outcome, std::uint64_t schedules, std::uint32_t via) {
    for (auto& c : counts) {
      if (c.outcome != outcome) continue;
      c.schedules = saturating_add(c.schedules, schedules, saturated_);
      return;
    }
    counts.push_back({outcome, schedules, via});
  }

  std::uint32_t label_index(const std::string& label) {
    for (std::size_t i = 0; i < labels_.size(); ++i)
      if (labels_[i] == label) return static_cast<std::uint32_t>(i);
    labels_.push_back(label);
    return static_cast<std::uint32_t>(labels_.size() - 1);
  }

  const ExploreOptions& options_;
  const ExploreProgram& program_;
  std::unordered_map<std::string, std::vector<OutcomeCount>> memo_;
  std::vector<std::string> labels_;
  bool saturated_ = false;
};

// "counter = 10" after "counter = 9": numbers in a label compare as numbers.
bool label_before(const std::string& a, const std::string& b) {
  const auto split = [](const std::string& s) {
    const std::size_t digits = s.find_first_of("0123456789");
    return std::pair{s.substr(0, digits), digits == std::string::npos ? -1L : std::stol(s.substr(digits))};
  };
  return split(a) < split(b);
}

}  // namespace

ExploreReport explore(const ExploreOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ExploreReport report;
  report.options = options;
  report.program = explore_program(options);
  Search search(options, report.program);
  const ExploreState start = initial_state(report.program);
  const std::vector<OutcomeCount> counts = search.visit(start);
  for (const OutcomeCount& c : counts) {
    ExploreOutcome outcome;
    outcome.label = search.labels()[c.outcome];
    outcome.schedules = c.schedules;
    outcome.deadlock = outcome.label == "deadlock";
    outcome.witness = search.witness(start, c.outcome);
    report.schedules = saturating_add(report.schedules, c.schedules, report.saturated);
    report.outcomes.push_back(std::move(outcome));
  }
  std::sort(report.outcomes.begin(), report.outcomes.end(),
            [](const ExploreOutcome& a, const ExploreOutcome& b) { return label_before(a.label, b.label); });
  report.states = search.states();
  report.saturated = report.saturated || search.saturated();
  report.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return report;
}

ReplayReport replay(const ExploreOptions& options, const std::vector<std::uint32_t>& schedule) {
  ReplayReport report;
  report.options = options;
  report.program = explore_program(options);
  report.schedule = schedule;
  ExploreState state = initial_state(report.program);
  const std::size_t workers = report.program.workers.size();
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    const std::uint32_t worker = schedule[i];
    const auto where = [i] { return "--schedule step " + std::to_string(i + 1) + ": "; };
    if (worker >= workers)
      throw ArgumentError(where() + "there is no worker " + std::to_string(worker) + " (workers are 0.." +
                          std::to_string(workers - 1) + ")");
    if (!can_move(report.program, state, worker))
      throw ArgumentError(where() + "worker " + std::to_string(worker) + " cannot move: " +
                          why_blocked(report.program, state, worker));
    report.steps.push_back({worker, step(report.program, state, worker)});
  }
  for (std::size_t w = 0; w < workers; ++w)
    if (can_move(report.program, state, w)) report.can_still_move.push_back(static_cast<std::uint32_t>(w));
  if (report.can_still_move.empty()) report.outcome = outcome_of(report.program, options, state);
  report.final_state = std::move(state);
  return report;
}

}  // namespace playground
