#pragma once
// pi(10^k) and the largest prime below 10^k (OEIS A006880 and A003618), shared by the primes and
// sieve tests.
#include <cstdint>
#include <vector>

namespace playground::testing {

struct PrimeGolden {
  std::uint64_t limit;
  std::uint64_t count;    // pi(limit)
  std::uint64_t largest;  // the largest prime <= limit
};

inline const std::vector<PrimeGolden> kPrimePowersOfTen = {
    {10, 4, 7},
    {100, 25, 97},
    {1'000, 168, 997},
    {10'000, 1'229, 9'973},
    {100'000, 9'592, 99'991},
    {1'000'000, 78'498, 999'983},
    {10'000'000, 664'579, 9'999'991},
    {100'000'000, 5'761'455, 99'999'989},
};

}  // namespace playground::testing
