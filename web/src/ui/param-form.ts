// The inputs of one card: mode, workers, the demo's parameters, and the sizes of sweeps and
// histograms. Native form controls keep it usable by keyboard and screen reader without help.
import type { DemoDefinition, ParamSpec } from '../demos/definition';
import { integerParam, NATIVE_START_METHODS } from '../model/catalog';
import { MODES, type Mode, type StartMethod } from '../model/types';
import { RUNS_LIMIT, SWEEP_LIMIT, WORKER_LIMIT, type CardState } from '../state/url-state';
import { h } from './dom';

const MODE_LABELS: Record<Mode, string> = {
  sequential: 'sequential',
  threads: 'threads',
  'gil-threads': 'threads + GIL',
  async: 'async',
  processes: 'processes',
  mpi: 'MPI ranks',
};

/** The card's whole-number settings that are not demo parameters; each field's id ends in its key. */
type CardSetting = 'workers' | 'upto' | 'runs';

export interface ParamForm {
  element: HTMLElement;
  /** Re-reads the state into the controls and shows only the inputs of the current mode. */
  refresh(): void;
}

function numberField(
  id: string,
  label: string,
  help: string,
  min: number,
  max: number,
  read: () => number,
  write: (value: number) => void,
): { field: HTMLElement; input: HTMLInputElement; sync: () => void } {
  const input = h('input', {
    id,
    type: 'number',
    inputmode: 'numeric',
    min,
    max,
    step: 1,
    required: true,
    'aria-describedby': `${id}-help`,
  });
  const helpText = h('small', { id: `${id}-help`, class: 'help' }, help);
  input.addEventListener('change', () => {
    const value = Number(input.value);
    const valid = input.value !== '' && Number.isInteger(value) && value >= min && value <= max;
    input.setAttribute('aria-invalid', String(!valid));
    helpText.textContent = valid ? help : `Enter a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`;
    if (valid) write(value);
  });
  const field = h('div', { class: 'field' }, h('label', { for: id }, label), input, helpText);
  return { field, input, sync: () => (input.value = String(read())) };
}

export function createParamForm(definition: DemoDefinition, state: CardState, onChange: () => void): ParamForm {
  const prefix = `${definition.id}`;
  const syncers: (() => void)[] = [];
  const modeScoped: { spec: Pick<ParamSpec, 'onlyIn'>; field: HTMLElement }[] = [];

  const modeRadios = MODES.map((mode) => {
    const id = `${prefix}-mode-${mode}`;
    const radio = h('input', { type: 'radio', name: `${prefix}-mode`, id, value: mode });
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      state.mode = mode;
      refresh();
      onChange();
    });
    syncers.push(() => (radio.checked = state.mode === mode));
    return h('span', { class: 'mode-choice' }, radio, h('label', { for: id }, MODE_LABELS[mode]));
  });
  const modeGroup = h('fieldset', { class: 'modes' }, h('legend', {}, 'Mode'), ...modeRadios);

  /** A number field for one of the card's own settings (not a demo parameter), kept in sync. */
  const settingField = (key: CardSetting, label: string, help: string, min: number, max: number) => {
    const built = numberField(
      `${prefix}-${key}`,
      label,
      help,
      min,
      max,
      () => state[key],
      (value) => {
        state[key] = value;
        onChange();
      },
    );
    syncers.push(built.sync);
    return built;
  };

  const workers = settingField('workers', 'Workers', 'Threads, coroutines, processes or MPI ranks to use.', integerParam('workers').min, WORKER_LIMIT);

  const paramFields = definition.params.map((spec) => {
    const id = `${prefix}-${spec.key}`;
    let field: HTMLElement;
    if (spec.kind === 'number') {
      const built = numberField(
        id,
        spec.label,
        spec.help,
        spec.min,
        spec.max,
        () => Number(state.params[spec.key] ?? spec.default),
        (value) => {
          state.params[spec.key] = value;
          onChange();
        },
      );
      syncers.push(built.sync);
      field = built.field;
    } else if (spec.kind === 'choice') {
      const select = h('select', { id, 'aria-describedby': `${id}-help` }, ...spec.choices.map((c) => h('option', { value: c }, c)));
      select.addEventListener('change', () => {
        state.params[spec.key] = select.value;
        onChange();
      });
      syncers.push(() => (select.value = String(state.params[spec.key] ?? spec.default)));
      field = h('div', { class: 'field' }, h('label', { for: id }, spec.label), select, h('small', { id: `${id}-help`, class: 'help' }, spec.help));
    } else {
      const box = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-help` });
      box.addEventListener('change', () => {
        state.params[spec.key] = box.checked;
        onChange();
      });
      syncers.push(() => (box.checked = state.params[spec.key] === true));
      const help = spec.browserUnavailable ? `${spec.help} Native only: ${spec.browserUnavailable}` : spec.help;
      field = h(
        'div',
        { class: 'field field-flag' },
        h('span', {}, box, h('label', { for: id }, spec.label)),
        h('small', { id: `${id}-help`, class: 'help' }, help),
      );
    }
    if (spec.onlyIn) modeScoped.push({ spec, field });
    return field;
  });

  // Native only: the browser has one way to start a process, a Web Worker, which starts fresh.
  const startId = `${prefix}-start-method`;
  const startSelect = h('select', { id: startId, 'aria-describedby': `${startId}-help` }, ...NATIVE_START_METHODS.map((m) => h('option', { value: m }, m)));
  startSelect.addEventListener('change', () => {
    state.startMethod = startSelect.value as StartMethod;
    onChange();
  });
  syncers.push(() => (startSelect.value = state.startMethod));
  const startField = h(
    'div',
    { class: 'field', 'data-testid': 'start-method' },
    h('label', { for: startId }, 'Native start method'),
    startSelect,
    h(
      'small',
      { id: `${startId}-help`, class: 'help' },
      'fork: each child is a copy of cplay as it is now; spawn: each child starts the program afresh from main. In this browser every process is a Web Worker, which always starts fresh, like spawn.',
    ),
  );
  modeScoped.push({ spec: { onlyIn: ['processes'] }, field: startField });

  // The browser's side: the lesson's two ways to have processes, Process (fresh) and Pool (warm).
  const browserStartId = `${prefix}-browser-start`;
  const browserStartSelect = h(
    'select',
    { id: browserStartId, 'aria-describedby': `${browserStartId}-help` },
    h('option', { value: 'fresh' }, 'fresh for each run'),
    h('option', { value: 'pool' }, 'warm pool, reused'),
  );
  browserStartSelect.addEventListener('change', () => {
    state.browserStart = browserStartSelect.value === 'pool' ? 'pool' : 'fresh';
    onChange();
  });
  syncers.push(() => (browserStartSelect.value = state.browserStart));
  const browserStartField = h(
    'div',
    { class: 'field', 'data-testid': 'browser-start' },
    h('label', { for: browserStartId }, 'Browser Workers'),
    browserStartSelect,
    h(
      'small',
      { id: `${browserStartId}-help`, class: 'help' },
      'fresh: every run starts its Workers, like multiprocessing.Process, and the timeline shows each one starting; warm pool: the Workers started once stay for the next runs, like multiprocessing.Pool.',
    ),
  );
  modeScoped.push({ spec: { onlyIn: ['processes'] }, field: browserStartField });

  const sweepUpto = settingField('upto', 'Sweep up to', 'A sweep runs 1, 2, … this many workers on each side.', 2, SWEEP_LIMIT);

  const extra: HTMLElement[] = [sweepUpto.field];
  if (definition.id === 'race') {
    const runs = settingField('runs', 'Histogram runs', 'Runs per sync mode for the lost-updates histogram.', 1, RUNS_LIMIT);
    extra.push(runs.field);
  }

  const element = h(
    'div',
    { class: 'param-form' },
    modeGroup,
    h('div', { class: 'fields' }, workers.field, ...paramFields, startField, browserStartField),
    h('div', { class: 'fields fields-secondary' }, ...extra),
  );

  function refresh(): void {
    for (const sync of syncers) sync();
    // Sequential has one worker, except where the work is per worker: then its loops run in turn.
    const oneWorker = state.mode === 'sequential' && !definition.workPerWorker;
    workers.input.disabled = oneWorker;
    workers.field.classList.toggle('is-disabled', oneWorker);
    for (const { spec, field } of modeScoped) field.hidden = !spec.onlyIn?.includes(state.mode);
  }

  refresh();
  return { element, refresh };
}
