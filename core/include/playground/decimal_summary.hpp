#pragma once
#include <cstdint>
#include <string>

namespace playground {

// Facts about a big integer, found without the quadratic full decimal conversion.
struct DecimalSummary {
  std::uint64_t digits = 0;
  std::string leading;  // the first min(20, digits) decimal digits
  std::uint64_t bits = 0;

  bool operator==(const DecimalSummary&) const = default;
};

}  // namespace playground
