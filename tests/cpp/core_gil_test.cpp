// The simulated GIL, directly and through gil-threads runs. The machine is noisy and shared, so
// nothing here asserts a duration or a speed-up: only exclusion, hand-overs, who did work, and
// which states the timeline shows. Waiting loops carry a generous deadline so that a broken GIL
// fails the test instead of hanging it.
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core_support.hpp"
#include "eventually.hpp"
#include "playground/gil.hpp"

namespace playground::testing {
namespace {

using namespace std::chrono_literals;

std::vector<const Event*> events_of(const Report& report, std::uint64_t worker, WorkerState state) {
  std::vector<const Event*> out;
  for (const Event& e : report.events)
    if (e.worker == worker && e.state == state) out.push_back(&e);
  return out;
}

TEST(SimulatedGil, OnlyOneHolderAtATime) {
  SimulatedGil gil(1ms);
  std::atomic<int> holders{0};
  std::atomic<int> most_holders{0};
  std::uint64_t guarded = 0;  // plain: the GIL alone must order the writes (TSan checks this)
  constexpr int kThreads = 4;
  constexpr int kRounds = 300;

  auto hold_briefly = [&] {
    const int now = holders.fetch_add(1) + 1;
    int seen = most_holders.load();
    while (now > seen && !most_holders.compare_exchange_weak(seen, now)) {
    }
    ++guarded;
    holders.fetch_sub(1);
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < kRounds; ++round) {
        gil.acquire();
        hold_briefly();
        // A safe point in the middle of the held section, as the eval loop has between bytecodes.
        if (gil.drop_requested()) gil.yield_to_waiter();
        hold_briefly();
        gil.release();
      }
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(most_holders.load(), 1);
  EXPECT_EQ(guarded, 2u * kThreads * kRounds);
}

// The holder never releases on its own: only the waiter's drop request makes it hand over.
TEST(SimulatedGil, WaiterGetsTheLockFromABusyHolder) {
  SimulatedGil gil(1ms);
  std::atomic<bool> holder_started{false};
  std::atomic<bool> holder_running{true};
  std::atomic<bool> waiter_done{false};
  std::atomic<bool> holder_was_running_when_waiter_got_it{false};
  int hand_overs_seen_by_holder = 0;

  std::thread holder([&] {
    gil.acquire();
    holder_started = true;
    // Busy "bytecode" until the waiter has had its turn; a safe point on every iteration.
    eventually([&] {
      if (gil.drop_requested()) {
        gil.yield_to_waiter();
        ++hand_overs_seen_by_holder;
      }
      return waiter_done.load();
    });
    holder_running = false;
    gil.release();
  });
  ASSERT_TRUE(eventually([&] { return holder_started.load(); }));

  std::thread waiter([&] {
    gil.acquire();
    holder_was_running_when_waiter_got_it = holder_running.load();
    waiter_done = true;
    gil.release();
  });
  waiter.join();
  holder.join();

  EXPECT_TRUE(holder_was_running_when_waiter_got_it);
  EXPECT_GE(hand_overs_seen_by_holder, 1);
  EXPECT_GE(gil.switches(), 2u);  // holder -> waiter, then waiter -> holder
}

TEST(SimulatedGil, WaitingLongerThanTheIntervalRequestsADrop) {
  SimulatedGil gil(1ms);
  gil.acquire();
  EXPECT_FALSE(gil.drop_requested()) << "nobody is waiting yet";
  std::atomic<bool> waiter_has_it{false};
  std::thread waiter([&] {
    gil.acquire();
    waiter_has_it = true;
    gil.release();
  });
  EXPECT_TRUE(eventually([&] { return gil.drop_requested(); }));
  EXPECT_FALSE(waiter_has_it.load()) << "a request is not a release";
  // Releasing for I/O lets the waiter in; its taking the lock clears the request.
  gil.release();
  waiter.join();
  EXPECT_TRUE(waiter_has_it.load());
  EXPECT_FALSE(gil.drop_requested());
}

TEST(SimulatedGil, SwitchesCountHandOversBetweenThreads) {
  SimulatedGil gil(5ms);
  // One thread taking and releasing the lock again and again hands it to nobody.
  for (int i = 0; i < 5; ++i) {
    gil.acquire();
    gil.release();
  }
  EXPECT_EQ(gil.switches(), 0u);
  std::thread other([&] {
    gil.acquire();
    gil.release();
  });
  other.join();
  EXPECT_EQ(gil.switches(), 1u);
  gil.acquire();
  gil.release();
  EXPECT_EQ(gil.switches(), 2u);
}

// ---- through gil-threads runs ----

// CPU-bound and long enough that a 1 ms switch interval must expire many times.
Report cpu_bound_gil_run(std::uint64_t workers) {
  return run(make_request("primes", "gil-threads", {{"limit", 600'000}, {"switch_interval_ms", 1}}, workers));
}

TEST(GilThreads, CpuBoundWorkersTakeTurns) {
  const Report report = cpu_bound_gil_run(2);
  EXPECT_EQ(std::get<PrimesResult>(report.result).count, 49'098u);
  ASSERT_EQ(report.spans.size(), 2u);
  for (const Span& span : report.spans) EXPECT_GT(span.items, 0u) << "worker " << span.worker << " never ran";
  EXPECT_EQ(span_items(report), 600'000u);
  ASSERT_TRUE(report.gil);
  EXPECT_GE(report.gil->switches, 2u);
  for (std::uint64_t worker : {0, 1})
    EXPECT_FALSE(events_of(report, worker, WorkerState::GilWait).empty()) << "worker " << worker;
}

// A worker that waited for the GIL after it had already computed was pre-empted: the drop request
// worked, rather than one worker finishing everything before the other started.
TEST(GilThreads, SomeWorkerIsPreemptedMidRun) {
  const Report report = cpu_bound_gil_run(2);
  bool preempted = false;
  for (std::uint64_t worker : {0, 1}) {
    const auto running = events_of(report, worker, WorkerState::Running);
    if (running.empty()) continue;
    for (const Event* wait : events_of(report, worker, WorkerState::GilWait))
      if (wait->start_ms >= running.front()->end_ms) preempted = true;
  }
  EXPECT_TRUE(preempted);
}

TEST(GilThreads, OneWorkerNeverSwitches) {
  const Report report = cpu_bound_gil_run(1);
  EXPECT_EQ(std::get<PrimesResult>(report.result).count, 49'098u);
  EXPECT_EQ(report.gil, GilFacts{0});
}

// Blocking I/O releases the GIL: every worker gets to wait, and no wait is spent holding it.
TEST(GilThreads, IoWaitsReleaseTheGil) {
  const Report report = run(make_request("io", "gil-threads", {{"tasks", 4}, {"latency_ms", 20}}, 2));
  EXPECT_EQ(report.result, DemoResult(IoResult{4, 4}));
  for (std::uint64_t worker : {0, 1}) {
    EXPECT_FALSE(events_of(report, worker, WorkerState::Waiting).empty()) << "worker " << worker;
    EXPECT_GT(report.spans[worker].items, 0u) << "worker " << worker;
  }
}

TEST(GilThreads, ReportCarriesTheSwitchCount) {
  const json report = report_to_json(cpu_bound_gil_run(2));
  ASSERT_TRUE(report.contains("gil"));
  EXPECT_TRUE(report.at("gil").at("switches").is_number_unsigned());
  EXPECT_EQ(report.at("params").at("switch_interval_ms"), 1);
}

}  // namespace
}  // namespace playground::testing
