// Soak test of `cplay serve` (npm run soak; not part of npm test): a bounded mix of valid, invalid
// and cancelled requests from concurrent clients against a live server on loopback, then checks
// that the server still answers, every reply was 200/4xx/429 with a JSON body, no child process
// is left, and its open descriptors and memory are back within 10% of where they started.
//
//   node scripts/soak.mjs [--requests 2000] [--clients 8] [--seed 1]
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCplayServe } from './serve-process.mjs';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const CPLAY = join(ROOT, 'build/native/cplay');
const ALLOWED = new Set([200, 400, 403, 404, 405, 409, 413, 415, 422, 429]);
const REQUEST_TIMEOUT_MS = 60_000;
const SOAK_BUDGET_MS = 15 * 60_000;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
  },
});
const totalRequests = boundedInt(values.requests, 'requests', 1, 100_000);
const clientCount = boundedInt(values.clients, 'clients', 1, 64);
let seed = boundedInt(values.seed, 'seed', 0, 2 ** 31);

function boundedInt(text, name, min, max) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`soak: --${name} must be an integer from ${min} to ${max} (got '${text}')`);
    process.exit(2);
  }
  return value;
}

// A small deterministic generator, so a run can be repeated with its --seed.
function random() {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = (items) => items[Math.floor(random() * items.length)];

function openFds(pid) {
  return readdirSync(`/proc/${pid}/fd`).length;
}
function rssKb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]);
}
function processTable() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return { pid: Number(name), state: fields[0], ppid: Number(fields[1]) };
      } catch {
        return null;
      }
    })
    .filter(Boolean);
}
function descendants(root) {
  const table = processTable();
  const found = [];
  const parents = [root];
  while (parents.length) {
    const parent = parents.pop();
    for (const entry of table)
      if (entry.ppid === parent) {
        found.push(entry);
        parents.push(entry.pid);
      }
  }
  return found;
}

// --- requests ---
function send(base, agent, { method = 'POST', path, headers = {}, body }) {
  return new Promise((done) => {
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        agent,
        headers: { host: base.host, ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }), ...headers },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no reply within 60 s')));
    req.on('error', (error) => done({ status: 0, body: '', error: error.message }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const run = (request, job) => ({
  path: job ? `/api/run?job=${encodeURIComponent(job)}` : '/api/run',
  headers: JSON_TYPE,
  body: typeof request === 'string' || Buffer.isBuffer(request) ? request : JSON.stringify(request),
});

function validRequest() {
  const mode = pick(['sequential', 'threads', 'gil-threads', 'async', 'processes']);
  const head = mode === 'processes' ? { mode, start_method: pick(['fork', 'spawn']), workers: 2 } : { mode, workers: 2 };
  switch (pick(['primes', 'factorial', 'race', 'io'])) {
    case 'primes': return { demo: 'primes', ...head, params: { limit: 1000 + Math.floor(random() * 20000) } };
    case 'factorial': return { demo: 'factorial', ...head, params: { n: 100 + Math.floor(random() * 2000), count: 2 } };
    case 'race': return { demo: 'race', ...head, params: { increments: 1000, sync: pick(['none', 'lock', 'atomic']) } };
    default: return { demo: 'io', ...head, params: { tasks: 2, latency_ms: Math.floor(random() * 20) } };
  }
}

const INVALID = [
  () => run('{not json'),
  () => run(Buffer.from([0x7b, 0x22, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xc3, 0x28, 0x22, 0x7d])),
  () => run(Buffer.from('{"demo":"primes"\u0000}')),
  () => run('['.repeat(60_000)),
  () => run('['.repeat(70_000)), // 413
  () => run({ demo: 'primes', params: { limit: 1e300 * 10 } }),
  () => run('{"demo":"primes","params":{"limit":1e400}}'),
  () => run({ demo: 'primes', params: { limit: 'many' } }),
  () => run({ demo: 'primes', params: { limit: 0 } }),
  () => run({ demo: 'primes', bogus: 1 }),
  () => run({ demo: 'race', params: { increments: [1] } }),
  () => run({ demo: 'io', workers: 1e20 }),
  () => run(QUICK, 'bad id!'),
  () => ({ ...run(QUICK), headers: { 'content-type': 'text/plain' } }), // 415
  () => ({ ...run(QUICK), headers: { ...JSON_TYPE, origin: 'http://evil.example' } }), // 403
  () => ({ ...run(QUICK), headers: { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' } }), // 403
  () => ({ ...run(QUICK), headers: { ...JSON_TYPE, host: 'evil.example' } }), // 403
  () => ({ method: 'GET', path: '/api/run' }), // 405
  () => ({ method: 'GET', path: '/api/nothing' }), // 404
  () => ({ path: '/api/cancel', headers: JSON_TYPE, body: '{"job":42}' }),
];
const QUICK = { demo: 'primes', mode: 'threads', workers: 2, params: { limit: 1000 } };

async function main() {
  if (!existsSync(CPLAY)) {
    console.error(`soak: ${CPLAY} is missing: run npm run build first`);
    process.exit(2);
  }
  const siteRoot = existsSync(join(ROOT, 'web/dist/index.html')) ? join(ROOT, 'web/dist') : mkdtempSync(join(tmpdir(), 'soak-'));
  if (!existsSync(join(siteRoot, 'index.html'))) writeFileSync(join(siteRoot, 'index.html'), '<html></html>');
  const { base, server, stop: stopServer } = await startCplayServe(CPLAY, siteRoot);
  const budget = setTimeout(() => {
    console.error('soak: over its 15-minute budget');
    process.exit(1);
  }, SOAK_BUDGET_MS);

  const agent = new Agent({ keepAlive: true, maxSockets: clientCount });
  const launch = { fds: openFds(server.pid), rssKb: rssKb(server.pid) };
  const byStatus = new Map();
  const problems = [];
  let jobNumber = 0;
  const record = (what, reply) => {
    byStatus.set(reply.status, (byStatus.get(reply.status) ?? 0) + 1);
    let json = true;
    try {
      JSON.parse(reply.body);
    } catch {
      json = false;
    }
    if (!ALLOWED.has(reply.status) || !json) problems.push(`${what}: HTTP ${reply.status} ${reply.error ?? reply.body.slice(0, 120)}`);
  };

  // `count` requests of the mix from the clients at once; returns how many were sent.
  async function phase(count) {
    let issued = 0;
    const take = () => (issued < count ? ++issued : 0);
    async function client() {
      while (take()) {
        const roll = random();
        if (roll < 0.4) {
          record('valid', await send(base, agent, run(validRequest(), `soak-${++jobNumber}`)));
        } else if (roll < 0.7) {
          record('invalid', await send(base, agent, pick(INVALID)()));
        } else if (roll < 0.9) {
          // A long job and its cancel, as the page's Cancel button sends them.
          const job = `soak-${++jobNumber}`;
          const mode = pick(['threads', 'async', 'processes']);
          const pending = send(base, agent, run({ demo: 'io', mode, workers: 2, params: { tasks: 2, latency_ms: 5000 } }, job));
          await new Promise((r) => setTimeout(r, 20 + random() * 100));
          if (take()) record('cancel', await send(base, agent, { path: '/api/cancel', headers: JSON_TYPE, body: JSON.stringify({ job }) }));
          record('cancelled run', await pending);
        } else {
          record('info', await send(base, agent, { method: 'GET', path: '/api/info' }));
        }
      }
    }
    await Promise.all(Array.from({ length: clientCount }, client));
    return issued;
  }

  // A warm-up round of the same mix and size first: glibc keeps the stacks of ended threads
  // (up to 40 MiB) and its per-thread arenas for reuse, so RSS climbs to a working size over the
  // first rounds. The baseline is taken after it: a leak grows again in the measured round.
  await phase(totalRequests);
  await new Promise((r) => setTimeout(r, 1500));
  const before = { fds: openFds(server.pid), rssKb: rssKb(server.pid) };
  byStatus.clear();
  problems.length = 0;

  const startedMs = performance.now();
  const issued = await phase(totalRequests);
  const elapsedS = (performance.now() - startedMs) / 1000;

  // Afterwards: the server answers and runs a job, nothing is left below it, resources are back.
  const info = await send(base, agent, { method: 'GET', path: '/api/info' });
  const after = await send(base, agent, run(QUICK, 'soak-after'));
  agent.destroy();
  await new Promise((r) => setTimeout(r, 1500)); // idle keep-alive connections close (1 s)
  const leftover = descendants(server.pid);
  const end = { fds: openFds(server.pid), rssKb: rssKb(server.pid) };
  stopServer();
  clearTimeout(budget);

  const within = (start, now) => now <= start * 1.1;
  const statuses = [...byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');
  console.log(`soak: ${issued} requests from ${clientCount} clients in ${elapsedS.toFixed(1)} s`);
  console.log(`soak: replies by status: ${statuses}`);
  const mib = (kb) => (kb / 1024).toFixed(1);
  console.log(`soak: at launch ${launch.fds} fds, RSS ${mib(launch.rssKb)} MiB; after the warm-up round (the baseline) ${before.fds} fds, ${mib(before.rssKb)} MiB`);
  console.log(`soak: open fds ${before.fds} -> ${end.fds}; RSS ${mib(before.rssKb)} -> ${mib(end.rssKb)} MiB`);
  console.log(`soak: children left: ${leftover.length} (zombies: ${leftover.filter((p) => p.state === 'Z').length})`);
  const failures = [...problems.slice(0, 10)];
  if (problems.length > 10) failures.push(`... and ${problems.length - 10} more`);
  if (info.status !== 200) failures.push(`GET /api/info after the soak: HTTP ${info.status}`);
  if (after.status !== 200) failures.push(`a run after the soak: HTTP ${after.status} ${after.body.slice(0, 120)}`);
  if (leftover.length) failures.push(`processes left below the server: ${leftover.map((p) => `${p.pid}(${p.state})`).join(' ')}`);
  if (!within(before.fds, end.fds)) failures.push(`open fds grew more than 10%: ${before.fds} -> ${end.fds}`);
  if (!within(before.rssKb, end.rssKb)) failures.push(`RSS grew more than 10%: ${before.rssKb} -> ${end.rssKb} kB`);
  if (failures.length) {
    console.error('soak: FAILED\n  ' + failures.join('\n  '));
    process.exit(1);
  }
  console.log('soak: passed');
}

main().catch((error) => {
  console.error(`soak: ${error.stack ?? error}`);
  process.exit(1);
});
