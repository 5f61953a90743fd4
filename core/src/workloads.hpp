#pragma once
#include <memory>

#include "playground/workload.hpp"

namespace playground {

std::unique_ptr<Workload> make_primes_workload(const Params&, std::size_t workers);
std::unique_ptr<Workload> make_factorial_workload(const Params&, std::size_t workers);
std::unique_ptr<Workload> make_race_workload(const Request&, std::size_t workers, RaceCounter shared);
std::unique_ptr<Workload> make_io_workload(const Params&, std::size_t workers);

}  // namespace playground
