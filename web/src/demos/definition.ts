// The shape of one demo card's content: its inputs, its words and its code. Every number the
// card shows is measured at run time; nothing here is a result.
import type { Demo, Mode, Params } from '../model/types';

interface ParamBase {
  key: string;
  label: string;
  help: string;
  /** Shown only in these modes. */
  onlyIn?: readonly Mode[];
  /** The core refuses the key outside `onlyIn`, so requests leave it out there. */
  rejectedElsewhere?: boolean;
  /** Sent only while another input has this value (the core refuses it otherwise). */
  onlyWhen?: { key: string; value: string };
  /** Left out at its default, so that requests (and the reports they are matched with) stay as they were before it. */
  omitAtDefault?: boolean;
}

/** Range, choices and defaults are the core's (catalog-inputs.ts builds each from the catalog). */
export interface NumberParam extends ParamBase {
  kind: 'number';
  min: number;
  max: number;
  default: number;
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  choices: readonly string[];
  default: string;
}

export interface FlagParam extends ParamBase {
  kind: 'flag';
  default: boolean;
  /** Why the browser cannot honour it, when it cannot. */
  browserUnavailable?: string;
}

export type ParamSpec = NumberParam | ChoiceParam | FlagParam;

/**
 * The Python a learner would write for each way of running the demo. Each runs as shown under
 * python3 (tests/web/web-python-snippets.test.ts runs them and compares with the C++ results).
 * Threads come twice because CPython comes in two builds: `gilThreads` (the standard build, with
 * the GIL) beside the C++ gil-threads mode, `freeThreaded` (3.13t/3.14t, no GIL) beside the C++
 * threads mode. The two may hold the same code; the words beside them differ.
 */
export interface PythonVersions {
  sequential: string;
  gilThreads: string;
  freeThreaded: string;
  processes: string;
  async: string;
}

export type PythonVariant = keyof PythonVersions;

/**
 * The CPython the test suite runs every snippet with (Debian 12's python3, the GIL build). The
 * page names it, and the snippet test fails on another version, so that the name stays true.
 */
export const PYTHON_CHECKED_WITH = '3.11';

/** Which snippet sits beside each C++ mode. */
export const PYTHON_VARIANT: Readonly<Record<Mode, PythonVariant>> = {
  sequential: 'sequential',
  'gil-threads': 'gilThreads',
  threads: 'freeThreaded',
  processes: 'processes',
  async: 'async',
  // No mpi4py here: beside MPI ranks sits the nearest Python this page runs, multiprocessing.
  mpi: 'processes',
};

/** What runs the snippet beside a mode: a short label and one sentence, true of CPython today. */
export const PYTHON_RUNTIME: Readonly<Record<Mode, { label: string; note: string }>> = {
  sequential: { label: 'one thread', note: 'Any CPython: one thread does all the work in order.' },
  'gil-threads': {
    label: 'threads, CPython with the GIL',
    note: 'The standard CPython build (3.11 to 3.14) has a GIL: one thread at a time runs Python code, so CPU-bound threads take turns, while a thread blocked on I/O or sleeping lets the others run.',
  },
  threads: {
    label: 'threads, free-threaded CPython',
    note: 'The free-threaded build (python3.13t, officially supported since 3.14t: PEP 703, PEP 779) has no GIL, so Python threads run Python code on several cores at once, as these C++ threads do.',
  },
  processes: {
    label: 'processes',
    note: 'multiprocessing: each process has its own interpreter, memory and GIL, and starts by the platform’s default method: fork on Linux up to 3.13, forkserver there from 3.14, spawn on macOS (since 3.8) and Windows.',
  },
  async: { label: 'asyncio', note: 'asyncio: one thread runs an event loop, and a task gives way to another only at an await.' },
  mpi: {
    label: 'multiprocessing on one machine, not MPI',
    note: 'This page runs no Python across MPI ranks: beside them it shows multiprocessing, separate processes with separate memory on one machine, which is the nearest thing here to ranks that share no memory.',
  },
};

export interface DemoDefinition {
  id: Demo;
  title: string;
  /** What kind of work it is, in two or three words. */
  kind: string;
  /** Short paragraphs in plain words: what runs and what to look for. */
  explanation: readonly string[];
  /** What each mode should show on this workload: the lesson to check against the numbers. */
  expectations: Partial<Record<Mode, string>>;
  params: readonly ParamSpec[];
  defaultMode: Mode;
  defaultWorkers: number;
  /**
   * The work grows with the worker count (the race runs one loop per worker), so a sequential run
   * keeps the count and runs those loops one after another: every mode then does the same work.
   */
  workPerWorker?: boolean;
  /** The kernel as the core runs it, trimmed for reading. */
  cpp: string;
  python: PythonVersions;
  /** A further Python snippet shown beside the others (the io card's http source). */
  morePython?: { title: string; note: string; code: string };
  /** One line that says what a result means. */
  summarize(result: Record<string, unknown>): string;
}

export function defaultParams(definition: DemoDefinition): Params {
  const params: Params = {};
  for (const spec of definition.params) params[spec.key] = spec.default;
  return params;
}

function defaultOf(definition: DemoDefinition, key: string): unknown {
  return definition.params.find((spec) => spec.key === key)?.default;
}

/**
 * The parameters of a request in this mode: a parameter meant for other modes is left out when
 * the core would refuse it there, and sent at its default otherwise (so a checked "shared memory"
 * box does not leak from processes into threads).
 */
export function paramsForMode(definition: DemoDefinition, mode: Mode, values: Params): Params {
  const params: Params = {};
  for (const spec of definition.params) {
    const applies = !spec.onlyIn || spec.onlyIn.includes(mode);
    if (!applies && spec.rejectedElsewhere) continue;
    if (spec.onlyWhen && (values[spec.onlyWhen.key] ?? defaultOf(definition, spec.onlyWhen.key)) !== spec.onlyWhen.value) continue;
    const value = applies ? (values[spec.key] ?? spec.default) : spec.default;
    if (spec.omitAtDefault && value === spec.default) continue;
    params[spec.key] = value;
  }
  return params;
}

/** The worker count a request carries in `mode`: sequential means one, unless the work is per worker. */
export function workersFor(definition: DemoDefinition, mode: Mode, workers: number): number {
  return mode === 'sequential' && !definition.workPerWorker ? 1 : workers;
}

export function pythonFor(definition: DemoDefinition, mode: Mode): string {
  return definition.python[PYTHON_VARIANT[mode]];
}
