#pragma once
#include <optional>

#include "processes/unique_fd.hpp"

namespace cplay {

// While an instance lives, SIGINT and SIGTERM do not end the process: their handler writes the
// signal number to a self-pipe that the run's poll loop watches (write() is async-signal-safe;
// nothing else happens in the handler). The dispositions found before the first instance are
// restored when the last one ends. Concurrent runs (a server) each get their own pipe.
class CancelSignals {
 public:
  CancelSignals();  // throws std::system_error
  ~CancelSignals();
  CancelSignals(const CancelSignals&) = delete;
  CancelSignals& operator=(const CancelSignals&) = delete;

  // Readable once a signal arrived; -1 if every slot was taken (the run is then not cancellable
  // by signal, but still runs).
  int fd() const { return read_end_.get(); }
  // The first signal received so far, without blocking.
  std::optional<int> received();

 private:
  UniqueFd read_end_;
  int slot_ = -1;
  std::optional<int> received_;
};

}  // namespace cplay
