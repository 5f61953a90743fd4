// Buckets for the race chart: how many runs lost how many updates. Zero gets its own bucket
// because "nothing lost" is the answer that matters for lock, atomic and async.

export interface Bucket {
  label: string;
  /** Inclusive bounds of lost updates. */
  from: number;
  to: number;
}

export function lostUpdateBuckets(values: readonly number[], bucketCount = 8): Bucket[] {
  const buckets: Bucket[] = [{ label: '0', from: 0, to: 0 }];
  const max = Math.max(0, ...values);
  if (max === 0) return buckets;
  const width = Math.max(1, Math.ceil(max / bucketCount));
  for (let from = 1; from <= max; from += width) {
    const to = Math.min(max, from + width - 1);
    buckets.push({ label: from === to ? `${from}` : `${from}–${to}`, from, to });
  }
  return buckets;
}

export function countInBuckets(values: readonly number[], buckets: readonly Bucket[]): number[] {
  return buckets.map((b) => values.filter((v) => v >= b.from && v <= b.to).length);
}
