#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "mpi/mpi_world.hpp"

namespace cplay::mpi {

// Rank 0 alone checks the command line with `check` (which throws playground::ArgumentError to
// refuse); every rank then gets its answer, or nullopt everywhere after rank 0 has printed the
// refusal. All ranks take the same branch, so none is left waiting in a collective.
// ArgumentError unless `workers` is the job's number of ranks (one rank is one worker).
void check_one_rank_per_worker(const World& world, std::uint64_t workers);

std::optional<std::string> decided_on_root(const World& world, const std::function<std::string()>& check);

}  // namespace cplay::mpi
