// Round-robin, best of N: every round visits every comparison and, within it, every contender in
// turn, so that a slow stretch of a shared machine hits all contenders alike. A contender's best
// is its fastest sample (the one with the lowest `ms`), kept whole with any other figures it has.

/** One measurement: `ms` is what "fastest" means; other fields ride along (start offsets, say). */
export interface Sample {
  ms: number;
  [figure: string]: number;
}

export interface Contender {
  name: string;
  measure: () => Promise<Sample> | Sample;
}

/** A goal from the issue, read off the bests; reported as met or not, never asserted. */
export interface Target {
  text: string;
  value: (best: Record<string, Sample>) => number;
  /** Met when the value is at most this, or at least `atLeast`. */
  atMost?: number;
  atLeast?: number;
}

export interface Comparison {
  id: string;
  title: string;
  /** Ratios are printed against this contender's best. */
  reference: string;
  contenders: Contender[];
  targets?: Target[];
  /** Rounds for this comparison when fewer than the run's (a slow Python row, say). */
  maxRounds?: number;
}

export interface ContenderResult {
  name: string;
  best: Sample;
  samples: number[];
}

export interface TargetResult {
  text: string;
  value: number;
  bound: string;
  met: boolean;
}

export interface ComparisonResult {
  id: string;
  title: string;
  reference: string;
  contenders: ContenderResult[];
  targets: TargetResult[];
}

export const sample = (ms: number): Sample => ({ ms });

export async function runRoundRobin(comparisons: Comparison[], rounds: number, log: (line: string) => void): Promise<ComparisonResult[]> {
  const samples = comparisons.map((c) => c.contenders.map((): Sample[] => []));
  for (let round = 0; round < rounds; round += 1) {
    log(`round ${round + 1} of ${rounds}`);
    for (const [i, comparison] of comparisons.entries()) {
      if (round >= (comparison.maxRounds ?? rounds)) continue;
      for (const [j, contender] of comparison.contenders.entries()) {
        const measured = await contender.measure();
        if (!Number.isFinite(measured.ms) || measured.ms < 0) throw new Error(`${comparison.id} / ${contender.name}: measured ${measured.ms} ms`);
        samples[i]![j]!.push(measured);
      }
    }
  }
  return comparisons.map((comparison, i) => {
    const contenders = comparison.contenders.map((c, j) => {
      const runs = samples[i]![j]!;
      const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
      return { name: c.name, best, samples: runs.map((run) => run.ms) };
    });
    const byName = Object.fromEntries(contenders.map((c) => [c.name, c.best]));
    const targets = (comparison.targets ?? []).map((t) => {
      const value = t.value(byName);
      const met = (t.atMost === undefined || value <= t.atMost) && (t.atLeast === undefined || value >= t.atLeast);
      const bound = [t.atMost === undefined ? '' : `≤ ${t.atMost}`, t.atLeast === undefined ? '' : `≥ ${t.atLeast}`].filter(Boolean).join(' and ');
      return { text: t.text, value, bound, met };
    });
    return { id: comparison.id, title: comparison.title, reference: comparison.reference, contenders, targets };
  });
}

/** a / b of two contenders' best times: the usual target shape. */
export const ratioOf = (a: string, b: string) => (best: Record<string, Sample>) => need(best, a).ms / need(best, b).ms;

export function need(best: Record<string, Sample>, name: string): Sample {
  const found = best[name];
  if (!found) throw new Error(`no contender named ${name}`);
  return found;
}
