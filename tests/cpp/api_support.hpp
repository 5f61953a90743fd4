#pragma once
// For the native_*_api_test.cpp files: an ApiHandler's limits whose job processes run the real
// cplay (this test binary has no `__job`).
#include "server/api.hpp"

namespace cplay::testing {

inline ApiLimits test_limits() {
  ApiLimits limits;
  limits.executable = CPLAY_EXECUTABLE;
  return limits;
}

}  // namespace cplay::testing
