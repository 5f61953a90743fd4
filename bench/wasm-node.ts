// The WebAssembly contenders in node: the playground's own builds (wasm/js/loader.ts), GMP
// compiled to wasm (the gmp-wasm package) and JavaScript's BigInt.
import { join } from 'node:path';
import { init as initGmp } from 'gmp-wasm';
import { loadPlayground, type Playground, type Variant } from '../wasm/js/loader';
import type { Sample } from './harness';
import { ROOT } from './native';

export type { Playground };

export const loadBuild = (variant: Variant) => loadPlayground(variant, { base: join(ROOT, 'build/wasm', variant) });

export function playgroundRun(playground: Playground, request: Record<string, unknown>): Sample {
  const report = playground.run(request as never) as { wall_ms?: number; spans?: { start_ms: number }[]; error?: { message: string } };
  if (report.error || typeof report.wall_ms !== 'number') throw new Error(`${playground.variant}: ${report.error?.message ?? 'no report'}`);
  const starts = (report.spans ?? []).map((s) => s.start_ms);
  return { ms: report.wall_ms, last_start_ms: starts.length ? Math.max(...starts) : 0 };
}

type Gmp = Awaited<ReturnType<typeof initGmp>>;
let gmp: Gmp | null = null;

/** mpz_fac_ui in GMP's own wasm build; the digit count checks it computed the right number. */
export async function gmpWasmFactorial(n: number, expectedDigits: number): Promise<Sample> {
  gmp ??= await initGmp();
  const b = gmp.binding;
  const x = b.mpz_t();
  b.mpz_init(x);
  try {
    const started = performance.now();
    b.mpz_fac_ui(x, n);
    const ms = performance.now() - started;
    // sizeinbase(10) may be one too many.
    const digits = b.mpz_sizeinbase(x, 10);
    if (digits !== expectedDigits && digits !== expectedDigits + 1) throw new Error(`gmp-wasm ${n}!: ${digits} digits, expected ${expectedDigits}`);
    return { ms };
  } finally {
    b.mpz_clear(x);
    b.mpz_t_free(x);
  }
}

// A balanced product tree: the fair way to compute n! with BigInt (a running product is far slower).
function rangeProduct(low: number, high: number): bigint {
  if (high - low < 16) {
    let product = 1n;
    for (let i = low; i <= high; i += 1) product *= BigInt(i);
    return product;
  }
  const middle = Math.floor((low + high) / 2);
  return rangeProduct(low, middle) * rangeProduct(middle + 1, high);
}

export function bigintFactorial(n: number, expectedBits: number): Sample {
  const started = performance.now();
  const value = rangeProduct(2, n);
  const ms = performance.now() - started;
  if (value.toString(2).length !== expectedBits) throw new Error(`BigInt ${n}!: wrong bit length`);
  return { ms };
}
