#include "playground/barrier_grid.hpp"

namespace playground {
namespace {

constexpr std::uint64_t kModulus = 1'000'003;  // a prime: every cell stays small, the sums exact

}  // namespace

std::uint64_t seed_cell(std::uint64_t column) { return column + 1; }

// Uneven weights so that swapping neighbours, or reading one stale, changes the answer; the +1
// keeps every written cell away from kUnwrittenCell.
std::uint64_t next_cell(std::uint64_t left, std::uint64_t self, std::uint64_t right, std::uint64_t phase) {
  return (left + 2 * self + 3 * right + phase) % kModulus + 1;
}

BarrierGrid::BarrierGrid(std::size_t columns, std::size_t phases)
    : columns_(columns), phases_(phases), cells_(new std::atomic<std::uint64_t>[(phases + 1) * columns]) {
  for (std::size_t i = 0; i < (phases + 1) * columns; ++i) cells_[i].store(kUnwrittenCell, std::memory_order_relaxed);
  for (std::size_t c = 0; c < columns; ++c) write(0, c, seed_cell(c));
}

// snippet-begin: phase-step
CellStep compute_cell(const BarrierGrid& grid, std::size_t phase, std::size_t column) {
  const std::size_t n = grid.columns();
  const std::uint64_t left = grid.read(phase - 1, (column + n - 1) % n);
  const std::uint64_t self = grid.read(phase - 1, column);
  const std::uint64_t right = grid.read(phase - 1, (column + 1) % n);
  // An unwritten neighbour is read as it is, 0: the phase goes on with the wrong input.
  const std::uint64_t stale = (left == kUnwrittenCell) + (self == kUnwrittenCell) + (right == kUnwrittenCell);
  return {next_cell(left, self, right, phase), stale};
}
// snippet-end: phase-step

std::vector<std::vector<std::uint64_t>> reference_rows(std::size_t columns, std::size_t phases) {
  std::vector<std::vector<std::uint64_t>> rows(phases + 1, std::vector<std::uint64_t>(columns));
  for (std::size_t c = 0; c < columns; ++c) rows[0][c] = seed_cell(c);
  for (std::size_t p = 1; p <= phases; ++p)
    for (std::size_t c = 0; c < columns; ++c)
      rows[p][c] = next_cell(rows[p - 1][(c + columns - 1) % columns], rows[p - 1][c], rows[p - 1][(c + 1) % columns], p);
  return rows;
}

}  // namespace playground
