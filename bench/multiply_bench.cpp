// Boost's product against the number-theoretic transform, operand by operand size: where the
// crossover lies in this build (native or wasm), to check the threshold multiply() uses.
// Prints one table; the times are the best of several runs. Nothing here is asserted.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "playground/bigint.hpp"

namespace {

using playground::BigInt;
using Clock = std::chrono::steady_clock;

BigInt random_number(std::mt19937& generator, std::size_t digits) {  // digits of 32 bits
  BigInt value = 0;
  for (std::size_t i = 0; i < digits; ++i) value = (value << 32) + generator();
  return value;
}

template <typename Product>
double best_ms(int runs, Product product) {
  double best = 1e300;
  for (int run = 0; run < runs; ++run) {
    const auto start = Clock::now();
    product();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main() {
  std::mt19937 generator(2024);
  std::printf("product of two numbers of n 32-bit digits; multiply() switches to the transform at %zu\n",
              playground::transform_threshold_digits());
  std::printf("%8s %12s %12s %8s\n", "n", "boost ms", "transform ms", "ratio");
  for (std::size_t digits = 250; digits <= 32000; digits *= 2) {
    const BigInt a = random_number(generator, digits), b = random_number(generator, digits);
    if (playground::multiply_by_transform(a, b) != a * b) {
      std::fprintf(stderr, "multiply_bench: the products differ at %zu digits\n", digits);
      return 1;
    }
    const int runs = digits <= 2000 ? 20 : 5;
    BigInt sink;
    const double boost_ms = best_ms(runs, [&] { sink = a * b; });
    const double transform_ms = best_ms(runs, [&] { sink = playground::multiply_by_transform(a, b); });
    std::printf("%8zu %12.3f %12.3f %7.2fx\n", digits, boost_ms, transform_ms, boost_ms / transform_ms);
  }
  // Lopsided products: Boost multiplies the long operand piece by piece, the transform in chunks.
  const playground::LopsidedThreshold lopsided = playground::lopsided_transform_threshold();
  std::printf("\nlopsided: long x short digits; multiply() uses the transform from %zu x %zu\n", lopsided.longer_digits,
              lopsided.shorter_digits);
  std::printf("%8s %8s %12s %12s %8s\n", "long", "short", "boost ms", "transform ms", "ratio");
  for (std::size_t longer : {2000u, 8000u, 32000u})
    for (std::size_t shorter : {125u, 250u, 500u, 1000u, 2000u}) {
      if (shorter * 2 > longer) continue;
      const BigInt a = random_number(generator, longer), b = random_number(generator, shorter);
      if (playground::multiply_by_transform(a, b) != a * b) {
        std::fprintf(stderr, "multiply_bench: the products differ at %zu x %zu digits\n", longer, shorter);
        return 1;
      }
      BigInt sink;
      const double boost_ms = best_ms(5, [&] { sink = a * b; });
      const double transform_ms = best_ms(5, [&] { sink = playground::multiply_by_transform(a, b); });
      std::printf("%8zu %8zu %12.3f %12.3f %7.2fx\n", longer, shorter, boost_ms, transform_ms, boost_ms / transform_ms);
    }
  return 0;
}
