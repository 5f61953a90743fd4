# core_tests as a node program: ctest runs it through the emulator (node), discovery included.
find_program(CPLAY_NODE NAMES node nodejs REQUIRED)
target_link_options(core_tests PRIVATE
  -fexceptions
  -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=64MB
  # Leave main() through exit(): that also ends the pthread pool, so node quits.
  -sEXIT_RUNTIME=1)
if(CMAKE_CXX_FLAGS MATCHES "(^| )-pthread( |$)")
  # The suite starts at most 4 threads; a thread beyond the pool would hang in join (3.1.6).
  target_link_options(core_tests PRIVATE -pthread -sPTHREAD_POOL_SIZE=4 -Wno-pthreads-mem-growth)
endif()
# node 20's global fetch breaks 3.1.6's wasm loading; emcmake's own flag for node is rejected
# by node 20, so the target names its emulator itself.
set_target_properties(core_tests PROPERTIES CROSSCOMPILING_EMULATOR "${CPLAY_NODE};--no-experimental-fetch")
# The root package.json says "type": "module"; these outputs are CommonJS.
file(CONFIGURE OUTPUT "${CMAKE_BINARY_DIR}/package.json" CONTENT "{ \"type\": \"commonjs\" }\n")

# One ctest entry for the whole suite, not one per test: each entry starts node, instantiates the
# module and fills its pthread pool (about half a second), which per test cost several times what
# the 170-odd tests themselves take (about 10 s in all). gtest prints every test's name and
# failure as usual. (Sharding would need GTEST_SHARD_* in the module's environment, which
# Emscripten does not copy from node's.)
add_test(NAME core_tests_wasm COMMAND core_tests)
set_tests_properties(core_tests_wasm PROPERTIES TIMEOUT 900)
