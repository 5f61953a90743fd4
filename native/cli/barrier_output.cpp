#include "cli/barrier_output.hpp"
#include "cli/human_output.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <string>
#include <string_view>

namespace cplay {
namespace {

using playground::BarrierReport;
using playground::BarrierSync;

void print_verdict(std::ostream& out, const BarrierReport& report) {
  const auto& o = report.options;
  if (report.correct()) {
    out << "CORRECT: every cell of all " << o.phases << " phases matches the sequential reference (checksum "
        << report.checksum << ")\n";
  } else {
    out << "WRONG ANSWER: " << report.wrong_cells << " of " << o.phases * o.workers
        << " cells differ from the sequential reference (checksum " << report.checksum << ", reference "
        << report.reference_checksum << ")\n";
  }
  out << "stale reads: " << report.stale_reads
      << " (a neighbour's cell of the previous phase read before its worker had written it)\n";
  if (o.sync == BarrierSync::None && report.correct())
    out << "No overlap this time: nothing made the phases wait, so it may as well go wrong on the next run.\n";
}

void print_measured(std::ostream& out, const BarrierReport& report, std::string_view workers_are) {
  switch (report.options.sync) {
    case BarrierSync::Barrier:
      out << "barrier: the same " << report.options.workers << " " << workers_are
          << " for every phase; after each phase every worker waits at the barrier until the\n"
             "last one arrives, then all pass together. Waiting is per worker, all phases together.\n";
      break;
    case BarrierSync::Join: {
      double start = 0;
      double join = 0;
      for (const auto& cost : report.phase_costs) {
        start += cost.start_ms;
        join += cost.join_ms;
      }
      out << "join: " << report.options.workers << " new threads per phase, each joined before the next phase: "
          << report.phase_costs.size() * report.options.workers << " threads started in all.\n"
          << "Starting them took " << ms_text(start) << " and joining after the last finish " << ms_text(join)
          << ", all phases together (measured).\n";
      break;
    }
    case BarrierSync::None:
      out << "none: the same " << workers_are << " run phase after phase without waiting for one another.\n";
      break;
  }
  out << "join waits for a thread to end; a barrier is a meeting point every worker passes together and goes on.\n\n";
}

}  // namespace

void print_barrier(std::ostream& out, const BarrierReport& report, std::string_view workers_are) {
  const auto& o = report.options;
  out << "barrier: " << o.workers << " workers, " << o.phases << " phases, sync " << playground::barrier_sync_names().name(o.sync)
      << ", worker i works " << o.work_ms << " + i x " << o.skew_ms << " ms per phase\n\n";
  print_verdict(out, report);
  out << "\n";
  print_measured(out, report, workers_are);
  const bool waits = o.sync == BarrierSync::Barrier;
  out << std::left << std::setw(8) << "worker" << std::setw(16) << "work/phase";
  out << (waits ? "stale reads   waited at the barrier\n" : "stale reads\n");
  for (const auto& w : report.workers) {
    out << std::setw(8) << w.worker << std::setw(16) << (std::to_string(w.work_ms) + " ms");
    if (waits) out << std::setw(14) << w.stale_reads << ms_text(w.waited_ms) << "\n";
    else out << w.stale_reads << "\n";
  }
  if (o.sync == BarrierSync::Join) {
    out << "\n" << std::setw(8) << "phase" << std::setw(16) << "start" << "join\n";
    for (const auto& cost : report.phase_costs)
      out << std::setw(8) << cost.phase << std::setw(16) << ms_text(cost.start_ms) << ms_text(cost.join_ms) << "\n";
  }
  out << "(run took " << ms_text(report.wall_ms) << ")\n";
}

}  // namespace cplay
