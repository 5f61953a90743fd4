// Turns the reports of scripts/bench-scaling.sh (one cplay --json report per line) into one
// Markdown table per demo: the fastest wall time of each mode and worker count, and its speedup
// over the fastest sequential run.
import { readFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';

const [file, repeat, seconds] = process.argv.slice(2);
const reports = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const label = (r) => (r.start_method ? `${r.mode} (${r.start_method})` : r.mode);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fastest = (list) => Math.min(...list.map((r) => r.wall_ms));

const lines = [
  `# Scaling on ${hostname()}: ${cpus().length} logical cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  '',
  `\`scripts/bench-scaling.sh\`, ${new Date().toISOString()}, fastest of ${repeat} rounds, ${seconds} s in all. ` +
    'Each cell: wall time, and speedup over the sequential run.',
];
for (const demo of [...new Set(reports.map((r) => r.demo))]) {
  const mine = reports.filter((r) => r.demo === demo);
  const sequential = fastest(mine.filter((r) => r.mode === 'sequential'));
  const modes = [...new Set(mine.filter((r) => r.mode !== 'sequential').map(label))];
  const params = Object.entries(mine[0].params).map(([k, v]) => `${k} ${v}`).join(', ');
  lines.push('', `## ${demo} (${params}): sequential ${fmt(sequential)}`, '', `| workers | ${modes.join(' | ')} |`, `|---:|${modes.map(() => '---:').join('|')}|`);
  for (const workers of [...new Set(mine.filter((r) => r.mode !== 'sequential').map((r) => r.workers))].sort((a, b) => a - b)) {
    const cells = modes.map((m) => {
      const runs = mine.filter((r) => label(r) === m && r.workers === workers);
      return runs.length ? `${fmt(fastest(runs))} (${(sequential / fastest(runs)).toFixed(2)}×)` : '–';
    });
    lines.push(`| ${workers} | ${cells.join(' | ')} |`);
  }
}
console.log(lines.join('\n'));
