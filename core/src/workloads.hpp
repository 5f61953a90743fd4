#pragma once
#include <memory>
#include <string>
#include <variant>

#include "playground/errors.hpp"
#include "playground/workload.hpp"

namespace playground {

// The partial a workload of `demo` absorbs. Variants list their types in the order of Demo.
template <typename Partial>
const Partial& partial_of(Demo demo, const DemoPartial& partial) {
  if (const Partial* own = std::get_if<Partial>(&partial)) return *own;
  throw RunError("a " + std::string(to_string(demo)) + " run cannot absorb a " +
                 std::string(to_string(static_cast<Demo>(partial.index()))) + " partial");
}

std::unique_ptr<Workload> make_primes_workload(const Params&, std::size_t workers);
std::unique_ptr<Workload> make_factorial_workload(const Params&, std::size_t workers);
std::unique_ptr<Workload> make_race_workload(const Request&, std::size_t workers, RaceCounter shared);
std::unique_ptr<Workload> make_io_workload(const Params&, std::size_t workers);

}  // namespace playground
