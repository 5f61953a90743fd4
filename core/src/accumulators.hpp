#pragma once
#include <cstddef>
#include <vector>

namespace playground {

// One accumulator per worker, each on its own cache line so workers never share one.
template <typename T>
class PerWorker {
 public:
  explicit PerWorker(std::size_t workers) : slots_(workers == 0 ? 1 : workers) {}
  T& operator[](std::size_t worker) { return slots_[worker].value; }
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& slot : slots_) f(slot.value);
  }

 private:
  struct alignas(64) Slot {
    T value{};
  };
  std::vector<Slot> slots_;
};

}  // namespace playground
