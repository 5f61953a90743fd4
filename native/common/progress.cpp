#include "common/progress.hpp"

#include <algorithm>
#include <cstdio>

#include <unistd.h>

#include "playground/platform.hpp"

namespace cplay {

namespace {
constexpr double kDelayMs = 1000;   // short runs stay quiet
constexpr double kRedrawMs = 100;
constexpr int kBarWidth = 30;
}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressLine::ProgressLine(std::string label, std::uint64_t total, const std::atomic<std::uint64_t>& done)
    : label_(std::move(label)), total_(total), done_(done), started_ms_(playground::now_ms()) {}

ProgressLine::~ProgressLine() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");  // leave a clean line for the result
}

void ProgressLine::draw() {
  const double now = playground::now_ms();
  if (now - started_ms_ < kDelayMs || now - last_draw_ms_ < kRedrawMs) return;
  last_draw_ms_ = now;
  const double fraction = total_ == 0 ? 0.0 : std::min(1.0, static_cast<double>(done_.load()) / static_cast<double>(total_));
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::fprintf(stderr, "\r\033[K%s [%.*s%*s] %3d%%  %.1f s", label_.c_str(), filled,
               "==============================", kBarWidth - filled, "", static_cast<int>(fraction * 100),
               (now - started_ms_) / 1000.0);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace cplay
