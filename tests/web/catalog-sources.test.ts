// One catalog everywhere: `cplay info --json`, cplay serve's GET /api/info, both wasm builds'
// info() and the page's build-time virtual:catalog all carry the same core tables.
import { spawnSync } from 'node:child_process';
import pageCatalog from 'virtual:catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, MachineInfo } from '../../wasm/js/types';
import { CPLAY, startServer, type TestServer } from './e2e-support/server';
import { loadBothBuilds } from './wasm-builds';

function nativeCatalog(): Catalog {
  const out = spawnSync(CPLAY, ['info', '--json'], { encoding: 'utf8', timeout: 30_000 });
  if (out.status !== 0) throw new Error(`cplay info --json exited ${String(out.status)}: ${out.stderr} (npm run build first)`);
  return (JSON.parse(out.stdout) as MachineInfo).catalog;
}

describe('the core catalog', () => {
  const builds = loadBothBuilds();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is the same from the CLI, the server, both wasm builds and the page build', async () => {
    const native = nativeCatalog();
    expect(native.demos.map((demo) => demo.name)).toEqual(['primes', 'factorial', 'race', 'io']);
    const served = ((await (await fetch(new URL('api/info', server.url))).json()) as MachineInfo).catalog;
    expect(served).toEqual(native);
    expect(builds.threads.info().catalog).toEqual(native);
    expect(builds.single.info().catalog).toEqual(native);
    expect(pageCatalog).toEqual(native);
  });

  it("lists as a build's modes only modes of the catalog", () => {
    const modes = nativeCatalog().modes.map((mode) => mode.name);
    for (const playground of [builds.threads, builds.single]) {
      const info = playground.info();
      expect(modes).toEqual(expect.arrayContaining(info.modes));
    }
  });
});
