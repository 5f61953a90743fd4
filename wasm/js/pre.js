// Runs inside the module factory before the pthread pool is made (-sPTHREAD_POOL_SIZE=Module.poolSize).
// The pool is spawned up front because Emscripten 3.1.6 cannot start a Worker while the main
// thread blocks in a join. Default: the machine's cores, capped at 16; node 20 has no
// navigator.hardwareConcurrency, so 4 there. The loader may ask for a size (1..64).
Module['poolSize'] = Module['poolSize']
  ? Math.max(1, Math.min(64, Math.floor(Module['poolSize'])))
  : ((typeof navigator !== 'undefined' && navigator.hardwareConcurrency)
      ? Math.min(navigator.hardwareConcurrency, 16) : 4);
