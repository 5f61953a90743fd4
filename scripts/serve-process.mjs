// `cplay serve` on a free loopback port, for the scripts that drive it (soak, bench-race):
// resolves once GET /api/info answers, and stops the server with this process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts `cplay serve --root siteRoot`; resolves to { base (URL), server (ChildProcess), stop() }. */
export async function startCplayServe(cplay, siteRoot) {
  const port = await freePort();
  const server = spawn(cplay, ['serve', '--host', '127.0.0.1', '--port', String(port), '--root', siteRoot], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => server.exitCode === null && server.kill('SIGTERM');
  process.on('exit', stop);
  const base = new URL(`http://127.0.0.1:${port}/`);
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`cplay serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(new URL('api/info', base))).ok) return { base, server, stop };
    } catch {
      // not listening yet
    }
    if (attempt > 100) {
      stop();
      throw new Error('cplay serve did not answer within 10 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
