/**
 * Pthreads for the threads build's pool. More than the cores on purpose: the I/O demo's threads
 * mostly sleep, and the lesson's "3 workers" must fit on a 2-core laptop; the sweep shows what
 * extra threads do for CPU-bound work (nothing).
 */
export function poolSizeFor(cores: number): number {
  return Math.min(16, Math.max(8, cores));
}
