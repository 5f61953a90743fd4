#include "ntt.hpp"

#include <array>
#include <bit>
#include <initializer_list>
#include <mutex>
#include <stdexcept>

namespace playground::ntt {
namespace {

// g generates the multiplicative group mod p when g^((p-1)/q) != 1 for every prime q | p - 1.
constexpr bool is_primitive_root(const Field& field, std::uint32_t g, std::initializer_list<std::uint32_t> factors) {
  std::uint32_t rest = field.prime() - 1;
  for (std::uint32_t q : factors) {
    if (field.pow(g, (field.prime() - 1) / q) == 1) return false;
    while (rest % q == 0) rest /= q;
  }
  return rest == 1;  // the factor list was complete
}

constexpr bool fits_lazy_range(const Field& field) { return field.prime() < (std::uint32_t{1} << 30); }

constexpr bool has_power_of_two_roots(const Field& field) {
  return (field.prime() - 1) % (std::uint32_t{1} << field.max_log2()) == 0 && field.max_log2() >= kMaxLog2;
}

static_assert(is_primitive_root(kPrime1, 11, {2, 3, 5}) && has_power_of_two_roots(kPrime1) && fits_lazy_range(kPrime1));
static_assert(is_primitive_root(kPrime2, 3, {2, 5, 47}) && has_power_of_two_roots(kPrime2) && fits_lazy_range(kPrime2));
static_assert(is_primitive_root(kPrime3, 3, {2, 7, 17}) && has_power_of_two_roots(kPrime3) && fits_lazy_range(kPrime3));
static_assert(kPrime1.prime() < kPrime2.prime() && kPrime2.prime() < kPrime3.prime());

// One table per power-of-two size, each filled under its own once_flag: readers after call_once
// see the finished table, and products of other sizes never wait for it.
struct NttRootCache {
  std::array<std::once_flag, kMaxCachedLog2 + 1> built;
  std::array<std::vector<std::uint32_t>, kMaxCachedLog2 + 1> tables;
};

std::size_t ntt_field_index(const Field& field) {
  if (field.prime() == kPrime1.prime()) return 0;
  if (field.prime() == kPrime2.prime()) return 1;
  if (field.prime() == kPrime3.prime()) return 2;
  throw std::invalid_argument("shared_roots: not one of the transform's primes");
}

}  // namespace

const std::vector<std::uint32_t>& shared_roots(const Field& field, std::size_t size,
                                               std::vector<std::uint32_t>& scratch) {
  const std::size_t index = ntt_field_index(field);
  if (!std::has_single_bit(size) || std::bit_width(size) - 1 > static_cast<unsigned>(kMaxCachedLog2)) {
    scratch = field.roots(size);
    return scratch;
  }
  static std::array<NttRootCache, 3> caches;  // constructed once, thread-safely (C++11 statics)
  const int log2 = static_cast<int>(std::bit_width(size)) - 1;
  NttRootCache& cache = caches[index];
  std::call_once(cache.built[log2], [&] { cache.tables[log2] = field.roots(size); });
  return cache.tables[log2];
}

std::vector<std::uint32_t> Field::roots(std::size_t size) const {
  std::vector<std::uint32_t> table(size > 1 ? size : 2);
  if (size < 2) return table;
  // The top level, w^j for j < size/2, by doubling: each step multiplies the entries so far by
  // w^k, products independent of each other (a running product would wait on every previous one).
  const std::size_t half = size / 2;
  const std::uint32_t w = pow(generator_, (p_ - 1) / size);
  table[half] = to_montgomery(1);
  for (std::size_t k = 1; k < half; k *= 2) {
    const std::uint32_t w_to_k = to_montgomery(pow(w, k));
    for (std::size_t j = 0; j < k; ++j) table[half + k + j] = mul(table[half + j], w_to_k);
  }
  // Lower levels take every other entry of the level above: a 2len-th root is a 4len-th root squared.
  for (std::size_t len = half / 2; len >= 1; len /= 2)
    for (std::size_t j = 0; j < len; ++j) table[len + j] = table[2 * len + 2 * j];
  return table;
}

// x86-64's baseline (SSE2) vectorises the butterflies two products at a time; where the CPU has
// AVX2, a second copy chosen at load time does four (about 1.3x faster transforms, measured on
// 2^12..2^17 points). GCC's function multi-versioning; wasm and other compilers get the one copy,
// and so does TSan, whose instrumented ifunc resolver would run before its runtime (a segfault).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__) && \
    !defined(__SANITIZE_THREAD__)
#define CPLAY_NTT_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define CPLAY_NTT_CLONES
#endif

CPLAY_NTT_CLONES void Field::forward_transform(std::uint32_t* values, std::size_t size, const std::vector<std::uint32_t>& roots) const {
  const std::uint32_t twice_p = 2 * p_;
  for (std::size_t len = size / 2; len >= 1; len /= 2) {
    const std::uint32_t* w = roots.data() + len;
    for (std::size_t block = 0; block < size; block += 2 * len) {
      std::uint32_t* low = values + block;
      std::uint32_t* high = low + len;
      for (std::size_t j = 0; j < len; ++j) {
        const std::uint32_t u = low[j], v = high[j];
        const std::uint32_t sum = u + v;  // < 4p
        low[j] = sum >= twice_p ? sum - twice_p : sum;
        high[j] = mul_lazy(u + twice_p - v, w[j]);  // (< 4p) * (< p): back below 2p
      }
    }
  }
}

CPLAY_NTT_CLONES void Field::inverse_transform(std::uint32_t* values, std::size_t size, const std::vector<std::uint32_t>& roots) const {
  const std::uint32_t twice_p = 2 * p_;
  for (std::size_t len = 1; len < size; len *= 2) {
    // Twiddle w^-j = -w^(len - j) = -roots[2 len - j] for j > 0: the sign swaps the two outputs.
    const std::uint32_t* mirrored = roots.data() + 2 * len;
    for (std::size_t block = 0; block < size; block += 2 * len) {
      std::uint32_t* low = values + block;
      std::uint32_t* high = low + len;
      {
        const std::uint32_t u = low[0], v = high[0];
        const std::uint32_t sum = u + v, difference = u + twice_p - v;
        low[0] = sum >= twice_p ? sum - twice_p : sum;
        high[0] = difference >= twice_p ? difference - twice_p : difference;
      }
      for (std::size_t j = 1; j < len; ++j) {
        const std::uint32_t u = low[j], t = mul_lazy(high[j], *(mirrored - j));  // t = -v w^-j, < 2p
        const std::uint32_t difference = u + twice_p - t, sum = u + t;
        low[j] = difference >= twice_p ? difference - twice_p : difference;
        high[j] = sum >= twice_p ? sum - twice_p : sum;
      }
    }
  }
}

}  // namespace playground::ntt
