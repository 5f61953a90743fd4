#include "playground/workload.hpp"

#include "workloads.hpp"

namespace playground {

std::unique_ptr<Workload> make_workload(const Request& request, std::size_t workers, RaceCounter shared) {
  switch (request.demo) {
    case Demo::Primes: return make_primes_workload(request.params, workers);
    case Demo::Factorial: return make_factorial_workload(request.params, workers);
    case Demo::Race: return make_race_workload(request, workers, shared);
    case Demo::Io: return make_io_workload(request.params, workers);
  }
  return nullptr;
}

}  // namespace playground
