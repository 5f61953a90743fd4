// Queue parity: the same options give the same message counts, bytes and checksums from the
// native CLI (cplay queue --json) and the wasm threads build's queue(); the single build and
// processes mode answer error reports, and a range is named as the CLI names it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import type { QueueReport } from '../../wasm/js/types';
import { isErrorReport } from '../../wasm/js/types';
import { CPLAY } from './e2e-support/server';
import { loadBothBuilds } from './wasm-builds';

type Options = Record<string, number>;

const flag = (key: string): string => `--${key.replaceAll('_', '-')}`;

function nativeQueue(options: Options): QueueReport {
  const args = Object.entries(options).flatMap(([key, value]) => [flag(key), String(value)]);
  const out = spawnSync(CPLAY, ['queue', ...args, '--json'], { encoding: 'utf8', timeout: 30_000 });
  if (out.status !== 0) throw new Error(`cplay queue exited ${String(out.status)}: ${out.stderr}`);
  return JSON.parse(out.stdout) as QueueReport;
}

// Small and unpaced: parity is about what arrives, not how long it took.
const CASES: Options[] = [
  { producers: 1, consumers: 1, capacity: 1, messages: 5, message_bytes: 1, consume_ms: 0 },
  { producers: 2, consumers: 2, capacity: 2, messages: 20, message_bytes: 64, consume_ms: 0 },
  { producers: 3, consumers: 1, capacity: 4, messages: 7, message_bytes: 300, consume_ms: 1 },
];

describe('queue: wasm and native', () => {
  const builds = loadBothBuilds();

  it('deliver the same messages, bytes and checksums', () => {
    for (const options of CASES) {
      const native = nativeQueue(options);
      const wasm = builds.threads.queue(options);
      if (isErrorReport(wasm)) throw new Error(wasm.error.message);
      const counted = ({ result }: QueueReport) => {
        const { max_depth: _depth, ...rest } = result;
        return rest;
      };
      expect(counted(wasm), JSON.stringify(options)).toEqual(counted(native));
      expect(wasm.result.exactly_once).toBe(true);
      expect(wasm.request).toEqual(native.request);
      expect(wasm.platform.variant).toBe('threads');
      // Capacity bounds the queue on both sides.
      for (const report of [native, wasm]) expect(report.result.max_depth).toBeLessThanOrEqual(options.capacity ?? 4);
    }
  });

  it('answers error reports where it cannot run, and names a range as the CLI does', () => {
    const single = builds.single.queue({});
    expect(isErrorReport(single) && single.error.message).toContain('needs threads');
    const processes = builds.threads.queue({ mode: 'processes' });
    expect(isErrorReport(processes) && processes.error.message).toContain('natively only');
    const wasmRange = builds.threads.queue({ capacity: 0 });
    const cli = spawnSync(CPLAY, ['queue', '--capacity', '0', '--json'], { encoding: 'utf8' });
    expect(isErrorReport(wasmRange) && wasmRange.error.message).toBe('--capacity must be an integer from 1 to 1000 (got 0)');
    expect(cli.status).not.toBe(0);
    expect(cli.stdout + cli.stderr).toContain('--capacity must be an integer from 1 to 1000 (got 0)');
    const pool = builds.threads.info().max_workers;
    const tooMany = builds.threads.queue({ producers: pool, consumers: 1 });
    expect(isErrorReport(tooMany) && tooMany.error.message).toContain(`at most ${pool}`);
  });
});
