// What each operation of an explorer program does to the state, and when a worker may move.
#include <stdexcept>
#include <string>

#include "playground/explore.hpp"

namespace playground {
namespace {

const ExploreOp* next_op(const ExploreProgram& program, const ExploreState& state, std::size_t worker) {
  const auto& ops = program.workers.at(worker);
  return state.pc[worker] < ops.size() ? &ops[state.pc[worker]] : nullptr;
}

std::int64_t& reg(ExploreState& state, std::size_t worker, std::uint8_t index) {
  return state.registers.at(worker * kExploreRegisters + index);
}

// Bookkeeping that no other worker reads (a stale-read tally, giving up): it runs in the same
// step as the operation before it, so it adds no interleavings that mean nothing.
bool is_local(OpKind kind) { return kind == OpKind::CheckAtLeast || kind == OpKind::GiveUp; }

bool op_enabled(const ExploreOp& op, const ExploreState& state) {
  switch (op.kind) {
    case OpKind::Lock: return state.owners.at(op.var) < 0;
    case OpKind::WaitAtLeast: return state.variables.at(op.var) >= op.value;
    default: return true;
  }
}

// Runs one op of `worker`; with a log, adds its text and what it saw or did.
void run_op(const ExploreProgram& program, ExploreState& state, std::size_t worker, std::vector<std::string>* log) {
  const ExploreOp& op = program.workers[worker][state.pc[worker]];
  const auto me = static_cast<std::int8_t>(worker);
  ++state.pc[worker];
  std::string seen;  // filled only when logging: building text is most of a step's cost
  switch (op.kind) {
    case OpKind::Read:
      reg(state, worker, op.reg) = state.variables.at(op.var);
      if (log) seen = ("  -> " + std::to_string(reg(state, worker, op.reg)));
      break;
    case OpKind::Write:
      state.variables.at(op.var) = reg(state, worker, op.reg) + op.value;
      if (log) seen = ("  -> " + std::to_string(state.variables[op.var]));
      break;
    case OpKind::FetchAdd:
      state.variables.at(op.var) += op.value;
      if (log) seen = ("  -> " + std::to_string(state.variables[op.var]));
      break;
    case OpKind::Lock: state.owners.at(op.var) = me; break;
    case OpKind::TryLock:
      if (state.owners.at(op.var) >= 0) {
        if (log) seen = ("  -> taken by worker " + std::to_string(state.owners[op.var]));
        break;
      }
      state.owners[op.var] = me;
      state.pc[worker] = op.target;
      if (log) seen = "  -> got it";
      break;
    case OpKind::Unlock:
      if (state.owners.at(op.var) != me) throw std::logic_error("explore: unlock of a lock this worker does not hold");
      state.owners[op.var] = -1;
      break;
    case OpKind::Await:
    case OpKind::WaitAtLeast: break;
    case OpKind::Arrive:
      ++state.variables.at(op.var);
      if (log) seen = ("  -> " + std::to_string(state.variables[op.var]) + " arrived");
      break;
    case OpKind::CheckAtLeast: {
      const bool stale = reg(state, worker, op.reg) < op.value;
      if (stale) ++state.variables.at(op.var);
      if (log) seen = stale ? "  -> STALE" : "  -> ok";
      break;
    }
    case OpKind::GiveUp:
      if (!program.variables.empty()) ++state.variables[0];  // gave_up
      state.pc[worker] = static_cast<std::uint16_t>(program.workers[worker].size());
      break;
  }
  if (log) log->push_back(op.text + seen);
}

// One scheduling step: one op, then the local bookkeeping after it; a coroutine goes on until
// it has awaited (or must wait for a lock, which awaits too).
void run_step(const ExploreProgram& program, ExploreState& state, std::size_t worker, std::vector<std::string>* log) {
  if (!can_move(program, state, worker)) throw std::logic_error("explore: step of a worker that cannot move");
  for (;;) {
    const OpKind kind = program.workers[worker][state.pc[worker]].kind;
    run_op(program, state, worker, log);
    const ExploreOp* next = next_op(program, state, worker);
    if (next == nullptr) break;
    if (is_local(next->kind)) continue;
    if (!program.cooperative || kind == OpKind::Await || !op_enabled(*next, state)) break;
  }
}

}  // namespace

ExploreState initial_state(const ExploreProgram& program) {
  ExploreState state;
  state.pc.assign(program.workers.size(), 0);
  state.registers.assign(program.workers.size() * kExploreRegisters, 0);
  state.variables.assign(program.variables.size(), 0);
  state.owners.assign(program.locks.size(), -1);
  return state;
}

bool finished(const ExploreProgram& program, const ExploreState& state, std::size_t worker) {
  return next_op(program, state, worker) == nullptr;
}

bool can_move(const ExploreProgram& program, const ExploreState& state, std::size_t worker) {
  const ExploreOp* op = next_op(program, state, worker);
  return op != nullptr && op_enabled(*op, state);
}

std::string why_blocked(const ExploreProgram& program, const ExploreState& state, std::size_t worker) {
  const ExploreOp* op = next_op(program, state, worker);
  if (op == nullptr) return "it has finished";
  if (op->kind == OpKind::Lock)
    return "it waits for " + program.locks[op->var] + ", held by worker " + std::to_string(state.owners[op->var]);
  if (op->kind == OpKind::WaitAtLeast)
    return "it waits at the barrier (" + std::to_string(state.variables[op->var]) + " of " + std::to_string(op->value) +
           " arrivals)";
  return "it can move";
}

void advance(const ExploreProgram& program, ExploreState& state, std::size_t worker) {
  run_step(program, state, worker, nullptr);
}

std::vector<std::string> step(const ExploreProgram& program, ExploreState& state, std::size_t worker) {
  std::vector<std::string> done;
  run_step(program, state, worker, &done);
  return done;
}

std::string outcome_of(const ExploreProgram& program, const ExploreOptions& options, const ExploreState& state) {
  for (std::size_t w = 0; w < program.workers.size(); ++w)
    if (!finished(program, state, w)) return "deadlock";
  switch (options.scenario) {
    case ExploreScenario::Race:
    case ExploreScenario::AsyncRace: return "counter = " + std::to_string(state.variables.at(0));
    case ExploreScenario::Barrier: return "stale reads = " + std::to_string(state.variables.back());
    case ExploreScenario::Deadlock:
      if (!state.variables.empty() && state.variables[0] > 0)
        return "completed, " + std::to_string(state.variables[0]) + " gave up";
      return "completed";
  }
  throw std::logic_error("unknown explore scenario");
}

}  // namespace playground
