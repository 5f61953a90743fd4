// The task every side runs, written again for the browser's Workers: the core's pool_task_value
// (core/include/playground/pool.hpp) in BigInt arithmetic modulo 2^64, so a Worker's answer can be
// checked against the same numbers cplay and the wasm module give.
const MASK = (1n << 64n) - 1n;

export function poolTaskValue(task: number, work: number): bigint {
  let x = (BigInt(task) * 0x9e3779b97f4a7c15n + 1n) & MASK;
  for (let step = 0; step < work; step++) {
    x ^= x >> 31n;
    x = (x * 0xbf58476d1ce4e5b9n) & MASK;
    x ^= x >> 29n;
  }
  return x;
}
