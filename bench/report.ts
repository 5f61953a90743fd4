// The benchmark's report: one Markdown table per comparison (printed, and written with the JSON).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComparisonResult, Sample } from './harness';
import type { Machine } from './machine';

export interface BenchReport {
  date: string;
  commit: string;
  rounds: number;
  wall_s: number;
  machine: Machine;
  left_out: string[];
  comparisons: ComparisonResult[];
}

const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

function extras(best: Sample): string {
  return Object.entries(best)
    .filter(([key]) => key !== 'ms')
    .map(([key, value]) => `${key.replaceAll('_', ' ')} ${key.endsWith('_ms') ? fmtMs(value) : value}`)
    .join(', ');
}

export function comparisonMarkdown(c: ComparisonResult): string {
  const reference = c.contenders.find((x) => x.name === c.reference)?.best.ms;
  const lines = [`### ${c.title}`, '', `| contender | best ms | × ${c.reference} | runs (ms) | other figures of the best run |`, '|---|---:|---:|---|---|'];
  for (const x of c.contenders) {
    const ratio = reference ? (x.best.ms / reference).toFixed(2) : '–';
    lines.push(`| ${x.name} | ${fmtMs(x.best.ms)} | ${ratio} | ${x.samples.map(fmtMs).join(', ')} | ${extras(x.best)} |`);
  }
  if (c.targets.length > 0) {
    lines.push('', 'Targets (issue 12):');
    for (const t of c.targets) lines.push(`- ${t.text}: **${t.value.toFixed(2)}** (target ${t.bound}): ${t.met ? 'met' : '**not met**'}`);
  }
  return lines.join('\n');
}

export function reportMarkdown(r: BenchReport): string {
  const m = r.machine;
  const head = [
    '# Benchmark report (`npm run bench`)',
    '',
    `Measured ${r.date} at commit ${r.commit} on ${m.host}: ${m.cpu}, ${m.logical_cores} logical cores, ${m.memory_gib} GiB, ${m.os}, Linux ${m.kernel}.`,
    '',
    `Software: ${Object.entries(m.software).map(([k, v]) => `${k} ${v}`).join('; ')}.`,
    '',
    `Every figure is the best of up to ${r.rounds} rounds; in each round every contender ran once, in turn. ` +
      `The whole run took ${r.wall_s.toFixed(0)} s. Times are what each contender measures of its own work, as each title says; ` +
      'a benchmark, never a test: the figures depend on the machine and its load.',
  ];
  if (r.left_out.length > 0) head.push('', `Left out on this machine: ${r.left_out.join('; ')}.`);
  return [...head, '', ...r.comparisons.map(comparisonMarkdown).flatMap((s) => [s, ''])].join('\n');
}

export function writeReport(dir: string, report: BenchReport, name = 'latest'): string[] {
  mkdirSync(dir, { recursive: true });
  const md = join(dir, `${name}.md`);
  const json = join(dir, `${name}.json`);
  writeFileSync(md, reportMarkdown(report));
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  return [md, json];
}
