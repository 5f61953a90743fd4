#pragma once
#include <boost/config.hpp>
#if defined(__EMSCRIPTEN__) && defined(CPLAY_WASM_32BIT_LIMBS)
// wasm32 has __int128 only as slow library calls: 32-bit limbs multiply faster there.
#undef BOOST_HAS_INT128
#endif
#include <boost/multiprecision/cpp_int.hpp>

namespace playground {
using BigInt = boost::multiprecision::cpp_int;
}
