// The monitor experiment's schemas (docs/schema/monitor-event.schema.json, one line of the stream,
// and monitor-report.schema.json, its last line) held against the real thing: cplay monitor --json
// in each mode and start method gives lines that each validate, ending with a report whose events
// repeat them; the catalog lists the experiment's inputs; the schema refuses a renamed field and a
// report without its events; bad input is an error report.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { contractSchema, expectRefusesMissingField, expectRefusesRenamedField, expectValid } from './contract-support';
import { CPLAY } from './e2e-support/server';

const validateEvent = contractSchema('monitor-event.schema.json');
const validateReport = contractSchema('monitor-report.schema.json');
const validateCatalog = contractSchema('catalog.schema.json');

function cplayMonitor(args: string[]): { status: number | null; lines: Record<string, unknown>[]; stderr: string } {
  const out = spawnSync(CPLAY, ['monitor', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  const lines = out.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: out.status, lines, stderr: out.stderr };
}

describe('monitor schemas', () => {
  it('match every line of cplay monitor --json in each mode', () => {
    for (const mode of [['--mode', 'threads'], ['--mode', 'async'], ['--mode', 'processes'], ['--mode', 'processes', '--start-method', 'spawn']]) {
      const { status, lines } = cplayMonitor([...mode, '--durations-ms', '0,120', '--interval-ms', '50']);
      expect(status).toBe(0);
      const report = lines.pop() as Record<string, unknown>;
      for (const line of lines) expectValid(validateEvent, line);
      expectValid(validateReport, report);
      expect(report.events).toEqual(lines);
      expect(lines.filter((line) => line.event === 'started').map((line) => line.worker)).toEqual(expect.arrayContaining(['A', 'B']));
    }
  });

  it('refuses a renamed field and a report without its events', () => {
    const { lines } = cplayMonitor(['--durations-ms', '0', '--interval-ms', '50']);
    const report = lines.pop() as Record<string, unknown>;
    expectRefusesRenamedField(validateReport, report, ['wall_ms'], 'wall_time_ms');
    expectRefusesMissingField(validateReport, report, ['events']);
    expect(validateEvent({ ...lines[0], alive: true })).toBe(false);
  });

  it('is listed in the catalog with its ranges', () => {
    const out = spawnSync(CPLAY, ['info', '--json'], { encoding: 'utf8', timeout: 60_000 });
    const info = JSON.parse(out.stdout) as { catalog: Record<string, unknown> & { experiments: Record<string, any> } };
    expectValid(validateCatalog, info.catalog);
    const monitor = info.catalog.experiments.monitor;
    expect(monitor.modes).toEqual(['threads', 'processes', 'async']);
    expect(monitor.lists[0]).toMatchObject({ flag: '--durations-ms', min: 0, max: 10000, max_items: 8, default: [2000, 3000] });
    expect(monitor.params.find((p: { key: string }) => p.key === 'interval_ms')).toMatchObject({ min: 50, max: 5000, default: 1000 });
  });

  it('answers bad input with a message naming the range, exit 2', () => {
    const out = spawnSync(CPLAY, ['monitor', '--durations-ms', '1,2,3,4,5,6,7,8,9'], { encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(2);
    expect(out.stderr + out.stdout).toContain('--durations-ms must be 1 to 8 comma-separated integers from 0 to 10000');
  });
});
