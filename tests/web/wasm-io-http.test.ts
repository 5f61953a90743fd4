// io --source http needs sockets, which the WebAssembly module has not: both builds refuse it
// in validate() and run() with a message that says where it works, and stay usable afterwards.
import { describe, expect, it } from 'vitest';

import { isErrorReport, type Request } from '../../wasm/js/types';
import { loadBothBuilds } from './wasm-builds';

const HTTP: Request = { demo: 'io', mode: 'async', params: { tasks: 2, latency_ms: 1, source: 'http', bytes: 10 } };

describe('io --source http in WebAssembly', () => {
  const builds = loadBothBuilds();

  it('is refused in both builds, naming the native cplay and cplay serve', () => {
    for (const value of [builds.threads.validate(HTTP), builds.threads.run(HTTP), builds.single.validate(HTTP), builds.single.run(HTTP)]) {
      expect(value).toMatchObject({ schema: 1, error: { code: 'invalid-argument' } });
      const message = (value as { error: { message: string } }).error.message;
      expect(message).toMatch(/^--source http: the WebAssembly module cannot open sockets/);
      expect(message).toContain('cplay io --source http');
      expect(message).toContain('cplay serve');
    }
  });

  it('still runs the sleeping source, with no http fields in its report', () => {
    const report = builds.single.run({ demo: 'io', mode: 'async', params: { tasks: 2, latency_ms: 1, source: 'sleep' } });
    expect(report).toMatchObject({ demo: 'io', result: { tasks: 2, completed: 2 } });
    if (isErrorReport(report)) throw new Error(report.error.message);
    expect(report.result).not.toHaveProperty('total_bytes');
  });
});
