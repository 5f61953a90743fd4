// Every comparison of the benchmark: the table, row by row, with its targets. Each
// contender measures the same work; the title says what, and which figure is compared.
import { factorialDemo as factorial } from '../web/src/demos/factorial';
import { primesDemo as primes } from '../web/src/demos/primes';
import { withKnob } from '../tests/web/python-snippet-runner';
import { browserRun, type BrowserSession } from './chromium';
import { need, ratioOf, type Comparison, type Contender, type Sample } from './harness';
import { CPLAY, commandMs, cplayRun, primesieveMs } from './native';
import {
  LESSON_PYTHON,
  gmpyFactorial,
  gmpyFactorialText,
  lessonSnippetMs,
  mathFactorial,
  mathFactorialText,
  pythonMs,
  startAndJoin,
} from './python';
import { bigintFactorial, gmpWasmFactorial, playgroundRun, type Playground } from './wasm-node';

export interface Tools {
  /** An interpreter with gmpy2, or null (its rows are left out, and the report says so). */
  gmpyPython: string | null;
  threadsBuild: Playground;
  /** Loaded once: its first run, in the first round, includes what a first call builds. */
  singleBuild: Playground;
  browser: BrowserSession | null;
}

const N = 100_000;
const DIGITS = 456_574; // of 100000!
const BITS = 1_516_705; // of 100000!
const SIEVE_LIMIT = '1000000000';
const PRIMES_LIMIT = 1_000_000;

const one = (name: string, measure: () => Promise<Sample> | Sample): Contender => ({ name, measure });
const factorialArgs = (count: number, mode: string, workers: number, extra: string[] = []) => [
  'factorial', '--n', String(N), '--count', String(count), '--mode', mode, '--workers', String(workers), ...extra,
];
const primesArgs = (mode: string, workers: number) => [
  'primes', '--limit', String(PRIMES_LIMIT), '--algorithm', 'trial', '--mode', mode, '--workers', String(workers),
];
const nativeOneFactorial = () => cplayRun(factorialArgs(1, 'sequential', 1));
const wasmFactorialRequest = { demo: 'factorial', mode: 'sequential', workers: 1, params: { n: N, count: 1 } };
const primesRequest = (mode: string, workers: number) => ({ demo: 'primes', mode, workers, params: { limit: PRIMES_LIMIT, algorithm: 'trial' } });
/** The same run, ranked by one of its figures instead of its wall time (which rides along). */
const rankedBy = (key: string, sample: Sample): Sample => {
  const value = sample[key];
  if (value === undefined) throw new Error(`the run has no ${key}`);
  return { ...sample, ms: value, wall_ms: sample.ms };
};
const ms = (name: string) => (best: Record<string, Sample>) => need(best, name).ms;
const figure = (name: string, key: string) => (best: Record<string, Sample>) => {
  const value = need(best, name)[key];
  if (value === undefined) throw new Error(`${name} has no ${key}`);
  return value;
};

export function comparisons(tools: Tools): Comparison[] {
  const gmpy = tools.gmpyPython;
  const list: Comparison[] = [];

  if (gmpy) {
    list.push({
      id: 'factorial-one',
      title: `one ${N}!, one thread (cplay: a fresh process each time, its report's wall time: the first call included)`,
      reference: 'gmpy2 fac',
      contenders: [
        one('cplay factorial', nativeOneFactorial),
        one('gmpy2 fac', () => pythonMs(gmpy, gmpyFactorial(N))),
        one('Python math.factorial', () => pythonMs(LESSON_PYTHON, mathFactorial(N))),
      ],
      targets: [{ text: 'cplay / gmpy2', value: ratioOf('cplay factorial', 'gmpy2 fac'), atMost: 2 }],
    });
    list.push({
      id: 'factorial-text',
      title: `${N}! as its ${DIGITS.toLocaleString('en-US')} decimal digits (cplay: the whole command with --print; Python: computing and str())`,
      reference: 'gmpy2 fac + str',
      contenders: [
        one('cplay factorial --print (whole command)', () => commandMs(CPLAY, factorialArgs(1, 'sequential', 1, ['--print']))),
        one('gmpy2 fac + str', () => pythonMs(gmpy, gmpyFactorialText(N))),
        one('Python math.factorial + str', () => pythonMs(LESSON_PYTHON, mathFactorialText(N))),
      ],
      targets: [{ text: 'cplay command / gmpy2 fac + str', value: ratioOf('cplay factorial --print (whole command)', 'gmpy2 fac + str'), atMost: 2.5 }],
      maxRounds: 2,
    });
  }

  list.push({
    id: 'factorial-wasm',
    title: `one ${N}!, one thread, WebAssembly in node (one instance, best of its runs) against native and other wasm/JS big integers`,
    reference: 'native cplay',
    contenders: [
      one('native cplay', nativeOneFactorial),
      one('wasm (single build)', () => playgroundRun(tools.singleBuild, wasmFactorialRequest)),
      one('gmp-wasm mpz_fac_ui', () => gmpWasmFactorial(N, DIGITS)),
      one('JS BigInt product tree', () => bigintFactorial(N, BITS)),
    ],
    targets: [
      { text: 'wasm / native', value: ratioOf('wasm (single build)', 'native cplay'), atMost: 1.6 },
      { text: 'wasm / JS BigInt', value: ratioOf('wasm (single build)', 'JS BigInt product tree'), atMost: 1 },
    ],
  });

  list.push({
    id: 'sieve',
    title: 'π(10^9) by sieve: cplay --algorithm sieve against primesieve (its own --time)',
    reference: 'primesieve, 1 thread',
    contenders: [
      one('cplay sieve, 1 thread', () => cplayRun(['primes', '--limit', SIEVE_LIMIT, '--algorithm', 'sieve', '--mode', 'sequential'])),
      one('cplay sieve, 2 threads', () => cplayRun(['primes', '--limit', SIEVE_LIMIT, '--algorithm', 'sieve', '--mode', 'threads', '--workers', '2'])),
      one('primesieve, 1 thread', () => primesieveMs(SIEVE_LIMIT, 1)),
      one('primesieve, 2 threads', () => primesieveMs(SIEVE_LIMIT, 2)),
    ],
    targets: [
      { text: 'cplay / primesieve, 1 thread', value: ratioOf('cplay sieve, 1 thread', 'primesieve, 1 thread'), atMost: 4 },
      { text: 'cplay 2 threads / cplay 1 thread', value: ratioOf('cplay sieve, 2 threads', 'cplay sieve, 1 thread'), atMost: 0.5 },
    ],
  });

  const startArgs = (mode: string, method?: string) => [
    'io', '--tasks', '4', '--workers', '4', '--latency-ms', '0', '--mode', mode, ...(method ? ['--start-method', method] : []),
  ];
  list.push({
    id: 'start',
    title: 'starting and joining 4 workers that wait 0 ms (cplay io --latency-ms 0: its wall time; Python: 4 × start() + join())',
    reference: 'Python fork',
    contenders: [
      one('cplay processes (fork)', () => cplayRun(startArgs('processes', 'fork'))),
      one('cplay processes (spawn)', () => cplayRun(startArgs('processes', 'spawn'))),
      one('cplay threads', () => cplayRun(startArgs('threads'))),
      one('Python fork', () => pythonMs(LESSON_PYTHON, startAndJoin('fork', 4))),
      one('Python spawn', () => pythonMs(LESSON_PYTHON, startAndJoin('spawn', 4))),
      one('Python threads', () => pythonMs(LESSON_PYTHON, startAndJoin('thread', 4))),
    ],
    targets: [
      { text: 'cplay fork, ms for 4', value: ms('cplay processes (fork)'), atMost: 4 },
      { text: 'cplay spawn, ms for 4', value: ms('cplay processes (spawn)'), atMost: 20 },
      { text: 'cplay threads, ms for 4', value: ms('cplay threads'), atMost: 0.2 },
    ],
  });

  list.push({
    id: 'factorial-modes',
    title: `4 × ${N}! with 4 workers by mode (the work of cplay compare factorial): speedup = sequential / mode`,
    reference: 'sequential',
    contenders: [
      one('sequential', () => cplayRun(factorialArgs(4, 'sequential', 1))),
      one('threads', () => cplayRun(factorialArgs(4, 'threads', 4))),
      one('processes (fork)', () => cplayRun(factorialArgs(4, 'processes', 4, ['--start-method', 'fork']))),
      one('processes (spawn)', () => cplayRun(factorialArgs(4, 'processes', 4, ['--start-method', 'spawn']))),
    ],
    targets: [
      { text: 'speedup of processes (fork)', value: (b) => need(b, 'sequential').ms / need(b, 'processes (fork)').ms, atLeast: 1.8 },
      { text: 'speedup of processes (spawn)', value: (b) => need(b, 'sequential').ms / need(b, 'processes (spawn)').ms, atLeast: 1.8 },
    ],
  });

  const lessonFactorial = (code: string) => withKnob(withKnob(code, 'N', N), 'COUNT', 4);
  list.push({
    id: 'factorial-python',
    title: `the lesson's own Python programs (the page's snippets), 4 × ${N}!: the time each prints`,
    reference: 'Python sequential',
    contenders: [
      one('Python sequential', () => lessonSnippetMs(lessonFactorial(factorial.python.sequential))),
      one('Python processes (4, fork)', () => lessonSnippetMs(lessonFactorial(factorial.python.processes))),
    ],
    maxRounds: 2,
  });

  list.push({
    id: 'primes',
    title: `primes up to ${PRIMES_LIMIT.toLocaleString('en-US')} by trial division: native, wasm in node (threads build), and the lesson's Python`,
    reference: 'native sequential',
    contenders: [
      one('native sequential', () => cplayRun(primesArgs('sequential', 1))),
      one('native threads (2)', () => cplayRun(primesArgs('threads', 2))),
      one('wasm sequential', () => playgroundRun(tools.threadsBuild, primesRequest('sequential', 1))),
      one('wasm threads (2)', () => playgroundRun(tools.threadsBuild, primesRequest('threads', 2))),
      one('Python sequential', () => lessonSnippetMs(withKnob(primes.python.sequential, 'LIMIT', PRIMES_LIMIT))),
      one('Python processes (2)', () => lessonSnippetMs(withKnob(withKnob(primes.python.processes, 'LIMIT', PRIMES_LIMIT), 'WORKERS', 2))),
    ],
    targets: [
      { text: 'wasm / native, sequential', value: ratioOf('wasm sequential', 'native sequential'), atMost: 1.6 },
      { text: 'ms until the last wasm thread began (node)', value: figure('wasm threads (2)', 'last_start_ms'), atMost: 2 },
    ],
    maxRounds: 3,
  });

  if (tools.browser) {
    const browser = tools.browser;
    const factorialPage = (way: string) =>
      `demo=factorial&factorial.mode=processes&factorial.workers=4&factorial.n=${N}&factorial.count=4&factorial.browser_start=${way}`;
    const primesPage = `demo=primes&primes.mode=threads&primes.workers=2&primes.limit=${PRIMES_LIMIT}&primes.algorithm=trial`;
    const racePage = 'demo=race&race.mode=threads&race.workers=2&race.increments=100000&race.sync=none';
    list.push({
      id: 'browser-processes',
      title: `Chromium ${browser.version}, the page's own runtime ("Run in browser"): 4 × ${N}! in 4 Workers, fresh for each run (like Process) or a warm pool (like Pool; its first run, in round 1, starts it)`,
      reference: 'native fork',
      contenders: [
        one('native fork', () => cplayRun(factorialArgs(4, 'processes', 4, ['--start-method', 'fork']))),
        one('page: fresh Workers', () => browserRun(browser, factorialPage('fresh'))),
        one('page: warm pool', () => browserRun(browser, factorialPage('pool'))),
      ],
      targets: [
        { text: 'page with fresh Workers / native fork', value: ratioOf('page: fresh Workers', 'native fork'), atMost: 2.5 },
        { text: 'ms the slowest of the 4 fresh Workers took to start', value: figure('page: fresh Workers', 'slowest_worker_start_ms'), atMost: 40 },
      ],
    });
    list.push({
      id: 'browser-threads',
      title: `Chromium ${browser.version}: ms from the run's start until the later of 2 threads began its work (page: wasm threads; native: cplay)`,
      reference: 'native threads, primes',
      contenders: [
        one('native threads, primes', () => rankedBy('last_start_ms', cplayRun(primesArgs('threads', 2)))),
        one('page: 2 wasm threads, primes', async () => rankedBy('last_start_ms', await browserRun(browser, primesPage))),
        one('page: 2 wasm threads, race 100,000', async () => rankedBy('last_start_ms', await browserRun(browser, racePage))),
      ],
      targets: [
        { text: 'ms until the later thread began, primes', value: ms('page: 2 wasm threads, primes'), atMost: 2 },
        { text: 'ms until the later thread began, race', value: ms('page: 2 wasm threads, race 100,000'), atMost: 2 },
      ],
    });
  }
  return list;
}
