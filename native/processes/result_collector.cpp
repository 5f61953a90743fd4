#include "processes/result_collector.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <exception>
#include <string>
#include <system_error>

#include <poll.h>

#include "processes/child_exit.hpp"
#include "playground/errors.hpp"
#include "playground/platform.hpp"
#include "processes/worker_messages.hpp"

namespace cplay {
namespace {

constexpr double kTickIntervalMs = 100;

class Collector {
 public:
  Collector(ChildGroup& children, playground::Demo demo, const CollectHooks& hooks)
      : children_(children), demo_(demo), hooks_(hooks), awaiting_ready_(static_cast<bool>(hooks.on_all_ready)) {}

  std::vector<playground::ShardOutcome> run() {
    double next_tick = playground::now_ms() + kTickIntervalMs;
    while (!children_.all_reaped()) {
      wait_for_activity(next_tick);
      check_cancel();
      for (WatchedChild& child : children_.children())
        if (ready_[&child - children_.children().data()]) service(child);
      notify_if_all_ready();
      if (playground::now_ms() >= next_tick) {
        next_tick = playground::now_ms() + kTickIntervalMs;
        check_cancel();
        if (hooks_.on_tick) hooks_.on_tick();
      }
    }
    std::vector<playground::ShardOutcome> outcomes;
    for (WatchedChild& child : children_.children()) outcomes.push_back(std::move(*child.outcome));
    return outcomes;
  }

 private:
  // poll() on the signal pipe and every open result pipe until something happens or the next
  // tick is due. Fills ready_ (per child) and signal_ready_.
  void wait_for_activity(double next_tick) {
    std::vector<WatchedChild>& all = children_.children();
    std::vector<pollfd> fds;
    std::vector<std::size_t> owner;  // fds[i] belongs to child owner[i]
    const int signal_fd = hooks_.signals ? hooks_.signals->fd() : -1;
    if (signal_fd >= 0) fds.push_back({signal_fd, POLLIN, 0});
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!all[i].results) continue;
      fds.push_back({all[i].results.get(), POLLIN, 0});
      owner.push_back(i);
    }
    const double remaining = std::max(0.0, next_tick - playground::now_ms());
    const int timeout = static_cast<int>(std::min(remaining, kTickIntervalMs)) + 1;
    ready_.assign(all.size(), false);
    const int result = ::poll(fds.data(), fds.size(), timeout);
    if (result < 0) {
      if (errno == EINTR) return;  // a signal: its byte is in the pipe, seen by check_cancel()
      fail(std::string("poll failed: ") + std::generic_category().message(errno));
    }
    const std::size_t first_child = signal_fd >= 0 ? 1 : 0;
    for (std::size_t i = first_child; i < fds.size(); ++i)
      if (fds[i].revents != 0) ready_[owner[i - first_child]] = true;
  }

  void check_cancel() {
    if (hooks_.signals) {
      if (const auto signal_number = hooks_.signals->received())
        cancel("the run was cancelled by " + signal_name(*signal_number));
    }
    if (hooks_.cancel && hooks_.cancel->load(std::memory_order_relaxed)) cancel("the run was cancelled");
    if (hooks_.deadline_ms > 0 && playground::now_ms() >= hooks_.deadline_ms)
      fail("the run was stopped at the end of its time budget", "timeout");
  }

  // Reads what the child sent; at end of file, reaps it and checks how it ended.
  void service(WatchedChild& child) {
    DrainResult drained = DrainResult::StillOpen;
    try {
      drained = drain_into(child.results.get(), child.decoder);
      while (auto payload = child.decoder.next()) handle(child, parse_child_message(*payload, demo_));
    } catch (const playground::RunError&) {
      throw;
    } catch (const std::exception& e) {
      fail(worker_label(child.worker, child.pid) + " sent a malformed message: " + e.what());
    }
    if (drained == DrainResult::Closed) finish(child);
  }

  void handle(WatchedChild& child, ChildMessage message) {
    switch (message.kind) {
      case ChildMessage::Kind::Progress:
        if (hooks_.progress) hooks_.progress->fetch_add(message.items, std::memory_order_relaxed);
        break;
      case ChildMessage::Kind::Ready: child.ready = true; break;
      case ChildMessage::Kind::Result: child.outcome = std::move(message.outcome); break;
      case ChildMessage::Kind::Error:
        fail(worker_label(child.worker, child.pid) + " failed: " + message.error_text, message.error_code);
    }
  }

  void finish(WatchedChild& child) {
    const bool complete_stream = child.decoder.at_boundary();
    children_.reap(child);
    const std::string abnormal = describe_abnormal_exit(child.worker, child.pid, child.wait_status);
    const bool status_lost = child.wait_status == -1;  // reaped elsewhere (SIGCHLD ignored?)
    if (!abnormal.empty() && !(status_lost && child.outcome)) fail(abnormal);
    if (!complete_stream) fail(worker_label(child.worker, child.pid) + " closed its pipe in the middle of a message");
    if (!child.outcome) fail(worker_label(child.worker, child.pid) + " exited without sending its result");
  }

  // A child that died before it was ready counts as ready: its failure is reported anyway, and
  // the others must not wait for it.
  void notify_if_all_ready() {
    if (!awaiting_ready_) return;
    for (const WatchedChild& child : children_.children())
      if (!child.ready && !child.reaped) return;
    awaiting_ready_ = false;
    hooks_.on_all_ready();
  }

  [[noreturn]] void cancel(const std::string& message) { fail(message, "cancelled"); }

  [[noreturn]] void fail(const std::string& message, const std::string& code = "run-failed") {
    children_.stop_all();
    throw playground::RunError(message, code);
  }

  ChildGroup& children_;
  playground::Demo demo_;
  const CollectHooks& hooks_;
  bool awaiting_ready_;
  std::vector<bool> ready_;
};

}  // namespace

std::vector<playground::ShardOutcome> collect_outcomes(ChildGroup& children, playground::Demo demo,
                                                      const CollectHooks& hooks) {
  return Collector(children, demo, hooks).run();
}

}  // namespace cplay
