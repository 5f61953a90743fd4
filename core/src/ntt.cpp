#include "ntt.hpp"

#include <algorithm>
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
  std::vector<std::uint32_t> table(2 * std::max<std::size_t>(size, 2));
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
  // The inverse's twiddles -w^-j = w^(len - j) = roots[2 len - j], in the order the inverse reads
  // them, from j = 0 (-1) on: its loops then read them forwards and need no special first butterfly.
  std::uint32_t* negated_inverse = table.data() + size;
  for (std::size_t len = 1; len < size; len *= 2) {
    negated_inverse[len] = to_montgomery(p_ - 1);
    for (std::size_t j = 1; j < len; ++j) negated_inverse[len + j] = table[2 * len - j];
  }
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
  // A local copy: stores through values could otherwise alias p_ and the inverse, which the
  // compiler would then reload after every store (and not vectorise the small levels at all).
  const Field local = *this;
  const std::uint32_t twice_p = 2 * local.p_;
  // The last three levels (len 4, 2, 1) run as one kernel per block of 8 below: as loops, their
  // inner runs of 1-4 butterflies cost more than all the longer levels together.
  const std::size_t last_looped = size >= 8 ? 8 : 1;
  for (std::size_t len = size / 2; len >= last_looped; len /= 2) {
    const std::uint32_t* w = roots.data() + len;
    for (std::size_t block = 0; block < size; block += 2 * len) {
      std::uint32_t* low = values + block;
      std::uint32_t* high = low + len;
      for (std::size_t j = 0; j < len; ++j) {
        const std::uint32_t u = low[j], v = high[j];
        const std::uint32_t sum = u + v;  // < 4p
        low[j] = sum >= twice_p ? sum - twice_p : sum;
        high[j] = local.mul_lazy(u + twice_p - v, w[j]);  // (< 4p) * (< p): back below 2p
      }
    }
  }
  if (size < 8) return;
  const auto below_2p = [twice_p](std::uint32_t x) { return std::min(x, x - twice_p); };  // x < 2p wraps above
  // Twiddle 1 needs no product: the difference only comes back below 2p.
  const auto plain = [&](std::uint32_t& u, std::uint32_t& v) {
    const std::uint32_t a = u, b = v;
    u = below_2p(a + b);
    v = below_2p(a + twice_p - b);
  };
  const auto twisted = [&](std::uint32_t& u, std::uint32_t& v, std::uint32_t w) {
    const std::uint32_t a = u, b = v;
    u = below_2p(a + b);
    v = local.mul_lazy(a + twice_p - b, w);
  };
  const std::uint32_t w8 = roots[5], w4 = roots[6], w8_cubed = roots[7];  // roots[4 + j] = w8^j
  for (std::size_t block = 0; block < size; block += 8) {
    // Locals, one load and one store per value: the vectoriser then reads 8 blocks at once.
    std::uint32_t* x = values + block;
    std::uint32_t x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6], x7 = x[7];
    plain(x0, x4);
    twisted(x1, x5, w8);
    twisted(x2, x6, w4);
    twisted(x3, x7, w8_cubed);
    plain(x0, x2);
    twisted(x1, x3, w4);
    plain(x4, x6);
    twisted(x5, x7, w4);
    plain(x0, x1);
    plain(x2, x3);
    plain(x4, x5);
    plain(x6, x7);
    x[0] = x0; x[1] = x1; x[2] = x2; x[3] = x3; x[4] = x4; x[5] = x5; x[6] = x6; x[7] = x7;
  }
}

CPLAY_NTT_CLONES void Field::inverse_transform(std::uint32_t* values, std::size_t size, const std::vector<std::uint32_t>& roots) const {
  // A local copy: stores through values could otherwise alias p_ and the inverse, which the
  // compiler would then reload after every store (and not vectorise the small levels at all).
  const Field local = *this;
  const std::uint32_t twice_p = 2 * local.p_;
  const auto below_2p = [twice_p](std::uint32_t x) { return std::min(x, x - twice_p); };  // x < 2p wraps above
  // negated[len + j] = -w^-j, w a primitive 2len-th root of unity (see roots()).
  const std::uint32_t* negated = roots.data() + size;
  std::size_t first_looped = 1;
  if (size >= 8) {
    // The first three levels (len 1, 2, 4) as one kernel per block of 8, as in forward_transform.
    const auto plain = [&](std::uint32_t& u, std::uint32_t& v) {
      const std::uint32_t a = u, b = v;
      u = below_2p(a + b);
      v = below_2p(a + twice_p - b);
    };
    // t = -v w^-j, < 2p: the sign swaps the two outputs.
    const auto twisted = [&](std::uint32_t& u, std::uint32_t& v, std::uint32_t negated_twiddle) {
      const std::uint32_t a = u, t = local.mul_lazy(v, negated_twiddle);
      u = below_2p(a + twice_p - t);
      v = below_2p(a + t);
    };
    const std::uint32_t m = negated[3];  // len 2, j 1
    const std::uint32_t m1 = negated[5], m2 = negated[6], m3 = negated[7];  // len 4, j 1..3
    for (std::size_t block = 0; block < size; block += 8) {
      std::uint32_t* x = values + block;
      std::uint32_t x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6], x7 = x[7];
      plain(x0, x1);
      plain(x2, x3);
      plain(x4, x5);
      plain(x6, x7);
      plain(x0, x2);
      twisted(x1, x3, m);
      plain(x4, x6);
      twisted(x5, x7, m);
      plain(x0, x4);
      twisted(x1, x5, m1);
      twisted(x2, x6, m2);
      twisted(x3, x7, m3);
      x[0] = x0; x[1] = x1; x[2] = x2; x[3] = x3; x[4] = x4; x[5] = x5; x[6] = x6; x[7] = x7;
    }
    first_looped = 8;
  }
  for (std::size_t len = first_looped; len < size; len *= 2) {
    const std::uint32_t* w = negated + len;
    for (std::size_t block = 0; block < size; block += 2 * len) {
      std::uint32_t* low = values + block;
      std::uint32_t* high = low + len;
      for (std::size_t j = 0; j < len; ++j) {
        const std::uint32_t u = low[j], t = local.mul_lazy(high[j], w[j]);  // t = -v w^-j, < 2p
        low[j] = below_2p(u + twice_p - t);
        high[j] = below_2p(u + t);
      }
    }
  }
}

CPLAY_NTT_CLONES void Field::multiply_pointwise(std::uint32_t* values, const std::uint32_t* other, std::size_t count) const {
  const Field local = *this;  // as in the transforms: no reloads after each store
  for (std::size_t i = 0; i < count; ++i) values[i] = local.mul_lazy(values[i], other[i]);
}

CPLAY_NTT_CLONES void Field::square_pointwise(std::uint32_t* values, std::size_t count, std::uint32_t scale) const {
  const Field local = *this;
  for (std::size_t i = 0; i < count; ++i) values[i] = local.mul_lazy(local.mul_lazy(values[i], values[i]), scale);
}

CPLAY_NTT_CLONES void Field::scale_pointwise(std::uint32_t* values, std::size_t count, std::uint32_t scale) const {
  const Field local = *this;
  for (std::size_t i = 0; i < count; ++i) values[i] = local.mul_lazy(values[i], scale);
}

}  // namespace playground::ntt
