// Every Python snippet the page shows runs as shown under python3 (only its size knob turned
// down) and prints what the C++ computes for the same workload: prime counts, factorial digits,
// race totals, completed I/O tasks. A snippet without a check fails here.
import { describe, expect, it } from 'vitest';

import { DEMO_LIST } from '../../web/src/demos/catalog';
import { PYTHON_CHECKED_WITH, PYTHON_VARIANT, pythonFor, type PythonVariant } from '../../web/src/demos/definition';
import { MODES, type Mode } from '../../web/src/model/types';
import { CHECKS, SIZE_KNOB, nativeBuilt } from './python-snippet-checks';
import { constantsOf, pythonVersion, runSnippet, withKnob } from './python-snippet-runner';

const TIMEOUT_MS = 20_000;

/** Modes that show another mode's snippet (mpi shows multiprocessing): not what a snippet is checked against. */
const BORROWING: ReadonlySet<Mode> = new Set(['mpi']);

/** The C++ mode a variant was written for; exactly one, or we would not know what to compare. */
function modeOf(variant: PythonVariant): Mode {
  const modes = MODES.filter((mode) => !BORROWING.has(mode) && PYTHON_VARIANT[mode] === variant);
  if (modes.length !== 1) throw new Error(`${variant} is shown beside ${modes.length} modes`);
  return modes[0] as Mode;
}

const SNIPPETS = DEMO_LIST.flatMap((demo) =>
  (Object.keys(demo.python) as PythonVariant[]).map((variant) => ({ demo, variant, label: `${demo.id} ${variant}` })),
);

it('has python3 and the native CLI to compare with', () => {
  expect(pythonVersion(), 'python3 is missing (scripts/bootstrap installs it)').toMatch(/^Python 3\./);
  // The page says which CPython ran its snippets: a different python3 makes that untrue.
  expect(pythonVersion(), 'update PYTHON_CHECKED_WITH in web/src/demos/definition.ts').toMatch(new RegExp(`^Python ${PYTHON_CHECKED_WITH.replace('.', '\\.')}\\.`));
  expect(nativeBuilt, 'build/native/cplay is missing (npm run build)').toBe(true);
});

it('checks every snippet the page can show, and each is shown beside one mode', () => {
  for (const demo of DEMO_LIST) {
    const shown = MODES.map((mode) => pythonFor(demo, mode));
    for (const variant of Object.keys(demo.python) as PythonVariant[]) {
      expect(CHECKS[demo.id]?.[variant], `no check for ${demo.id} ${variant}`).toBeTypeOf('function');
      expect(shown).toContain(demo.python[variant]);
      expect(() => modeOf(variant)).not.toThrow();
    }
  }
});

describe.skipIf(!nativeBuilt || pythonVersion() === undefined)('Python snippets print what the C++ computes', () => {
  // Side by side: most of each run is python3 starting up and waiting for its children.
  it.concurrent.each(SNIPPETS)('$label', async ({ demo, variant }) => {
    const knob = SIZE_KNOB[demo.id];
    const size = knob.byVariant?.[variant] ?? knob.value;
    const code = withKnob(demo.python[variant], knob.name, size);
    const constants = constantsOf(code);
    expect(constants[knob.name], 'the knob is a top-level number').toBe(size);
    const stdout = await runSnippet(code, TIMEOUT_MS);
    const check = CHECKS[demo.id]?.[variant];
    if (!check) throw new Error(`no check for ${demo.id} ${variant}`);
    check({ stdout, constants, mode: modeOf(variant) });
  });
});
