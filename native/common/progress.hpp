#pragma once
#include <atomic>
#include <cstdint>
#include <string>

namespace cplay {

// A one-line progress bar on stderr, drawn only after the run has lasted a second and only
// when stderr is a terminal. draw() may be called from any single thread at any rate.
class ProgressLine {
 public:
  ProgressLine(std::string label, std::uint64_t total, const std::atomic<std::uint64_t>& done);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void draw();

 private:
  std::string label_;
  std::uint64_t total_;
  const std::atomic<std::uint64_t>& done_;
  double started_ms_;
  double last_draw_ms_ = 0;
  bool drawn_ = false;
};

bool stderr_is_terminal();

}  // namespace cplay
