#pragma once
// The barrier experiment's computation: a ring of cells, one row per phase. Row 0 is the seed;
// cell i of row p is made from cells i-1, i and i+1 (mod N) of row p-1. Cells are atomics, so a
// worker that reads a cell before its writer has written it gets the initial value (a wrong
// answer that the report counts), never a data race.
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace playground {

// What a cell holds until its writer writes it; next_cell never gives it.
inline constexpr std::uint64_t kUnwrittenCell = 0;

std::uint64_t seed_cell(std::uint64_t column);
std::uint64_t next_cell(std::uint64_t left, std::uint64_t self, std::uint64_t right, std::uint64_t phase);

class BarrierGrid {
 public:
  BarrierGrid(std::size_t columns, std::size_t phases);  // rows 0..phases, row 0 seeded

  std::size_t columns() const { return columns_; }
  std::size_t phases() const { return phases_; }
  // Acquire/release: a reader that sees a written value also sees what its writer saw.
  std::uint64_t read(std::size_t row, std::size_t column) const {
    return cells_[row * columns_ + column].load(std::memory_order_acquire);
  }
  void write(std::size_t row, std::size_t column, std::uint64_t value) {
    cells_[row * columns_ + column].store(value, std::memory_order_release);
  }

 private:
  std::size_t columns_;
  std::size_t phases_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> cells_;
};

// Worker `column`'s step in phase `phase` (1..P): reads its three cells of row phase-1 and
// returns the new cell and how many of the three it found unwritten.
struct CellStep {
  std::uint64_t value = 0;
  std::uint64_t stale_reads = 0;
};
CellStep compute_cell(const BarrierGrid& grid, std::size_t phase, std::size_t column);

// Every row, computed one cell at a time in order: what any correct run must produce.
std::vector<std::vector<std::uint64_t>> reference_rows(std::size_t columns, std::size_t phases);

}  // namespace playground
