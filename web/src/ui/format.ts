// Number formatting in one place, so both columns print the same way.

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatSpeedup(speedup: number): string {
  return `${speedup.toFixed(2)}×`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatElapsed(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
