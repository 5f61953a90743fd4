// One demo card: words, inputs, buttons, the two result columns, the charts and the code.
import { lostUpdateBuckets } from '../analysis/histogram';
import { drawRaceChart, type LostSeries } from '../charts/race-chart';
import { drawSpeedupChart } from '../charts/speedup-chart';
import { destroyChartsIn, themeColor } from '../charts/chart-setup';
import { paramsForMode, workersFor, type DemoDefinition } from '../demos/definition';
import { browserHttpNote } from '../experiments/io-http/fetch-view';
import { browserStandIn, cplayCommand, resultDifference, resultVariesByRun } from '../model/request';
import type { Report, RunRequest } from '../model/types';
import type { NativeResult } from '../native/native-side';
import type { CardState, PageState } from '../state/url-state';
import { CardRunner, MPI_NO_HTTP, speedupSeries, standInNote, type HistogramNotes, type SweepSeries } from './card-runner';
import { createCodeView } from './code-view';
import { h, replaceChildren } from './dom';
import { copyText, embedSnippet, embedUrl } from './embed-code';
import { renderModeTable, type ModeRow } from './mode-table';
import type { PageContext } from './page-context';
import { createParamForm } from './param-form';
import { createProgress } from './progress';
import { createSidePanel } from './side-panel';

export interface DemoCard {
  element: HTMLElement;
  redraw(): void;
}

function nativeMachineText(result: NativeResult): string | null {
  if (!('report' in result)) return null;
  const cores = result.machine.cores === null ? '' : ` · ${result.machine.cores} cores`;
  const where = result.origin === 'live' ? 'Live from cplay serve' : result.origin === 'reference' ? 'Stored reference run' : 'From your file';
  return `${where} · ${result.machine.label}${cores}`;
}

export function createDemoCard(definition: DemoDefinition, state: CardState, page: PageState, ctx: PageContext, compact: boolean): DemoCard {
  const id = definition.id;
  const request = (): RunRequest => ({
    demo: id,
    mode: state.mode,
    workers: workersFor(definition, state.mode, state.workers),
    params: paramsForMode(definition, state.mode, state.params),
    // Native children start by the chosen method; the browser's are always Workers (card-runner).
    ...(state.mode === 'processes' ? { start_method: state.startMethod } : {}),
  });

  const browser = createSidePanel(definition, 'browser', 'In this browser (WebAssembly)');
  const native = createSidePanel(definition, 'native', 'Native (C++ on real cores)');
  const progress = createProgress();
  const agreement = h('p', { class: 'agreement', 'data-testid': 'agreement', hidden: true });
  const failure = h('p', { class: 'error', role: 'alert', 'data-testid': 'card-error', hidden: true });
  const expectation = h('p', { class: 'expectation' });
  const availability = h('p', { class: 'availability', role: 'note', hidden: true });
  const command = h('code', {});
  const sweepBox = h('div', { class: 'analysis', hidden: true, 'data-testid': 'sweep' });
  const modesBox = h('div', { class: 'analysis', hidden: true });
  const histogramBox = h('div', { class: 'analysis', hidden: true, 'data-testid': 'histogram' });
  const embedOutput = h('div', { class: 'embed-output', hidden: true });
  const code = createCodeView(definition, !compact);
  const redrawers: (() => void)[] = [];

  browser.showIdle('Not run yet. “Run in browser” runs this in a Worker; the page stays responsive.');
  native.showIdle(ctx.native.isLive ? 'Not run yet. “Run natively” sends the same request to cplay serve.' : 'Not run yet. Native numbers come from stored reports (see the note at the top).');
  const liveMachine = ctx.native.liveMachine();
  native.setMachine(liveMachine ? `Live from cplay serve · ${liveMachine.label}${liveMachine.cores === null ? '' : ` · ${liveMachine.cores} cores`}` : 'Stored reports');
  void ctx.wasmInfo.then((info) => {
    const isolation = ctx.isolation.isolated ? 'cross-origin isolated' : 'not isolated';
    browser.setMachine(
      info
        ? `${info.variant === 'threads' ? `threads build, up to ${info.max_workers} threads` : 'single-threaded build'} · ${navigator.hardwareConcurrency ?? '?'} logical cores · ${isolation}`
        : 'The WebAssembly build could not be loaded (run npm run build).',
    );
  });

  const view = {
    browser,
    native,
    progress,
    showAgreement(b: Report | null, n: Report | null) {
      agreement.hidden = b === null || n === null;
      if (!b || !n) return;
      const difference = resultDifference(b, n);
      agreement.dataset.state = difference === null ? 'agree' : 'differ';
      agreement.textContent =
        difference === null
          ? resultVariesByRun(b)
            ? 'Both sides counted the same expected total; how many updates get lost differs from run to run.'
            : `Both sides computed the same result: ${definition.summarize(b.result)}.`
          : `The results differ (${difference}).`;
    },
    showSweep(series: SweepSeries[], upto: number, mode: string) {
      sweepBox.hidden = false;
      const canvas = h('canvas', { role: 'img' });
      const lines = series.map((s) => {
        const fitted = speedupSeries(s);
        return { s, fitted };
      });
      const draw = () =>
        drawSpeedupChart(
          canvas,
          lines
            .filter(({ fitted }) => fitted.points.length > 0)
            .map(({ s, fitted }) => ({
              label: s.side === 'browser' ? 'browser' : 'native',
              color: themeColor(s.side === 'browser' ? 'browser' : 'native'),
              points: fitted.points,
              serialFraction: fitted.serialFraction,
            })),
          upto,
          `Speedup of ${mode} over 1 worker`,
        );
      destroyChartsIn(sweepBox);
      replaceChildren(
        sweepBox,
        h('h3', {}, 'Sweep: speedup against workers'),
        h('div', { class: 'chart-box chart-speedup' }, canvas),
        h(
          'ul',
          { class: 'fits' },
          ...lines.map(({ s, fitted }) =>
            h(
              'li',
              {},
              `${s.side}: `,
              fitted.serialFraction === null
                ? 'not enough points for a fit yet'
                : `Amdahl fit says ${(fitted.serialFraction * 100).toFixed(1)} % of the run behaves as serial`,
              s.note ? ` — ${s.note}` : '',
            ),
          ),
        ),
      );
      draw();
      redrawers[0] = draw;
    },
    showModeTable(rows: ModeRow[]) {
      modesBox.hidden = false;
      replaceChildren(modesBox, h('h3', {}, 'All modes'), renderModeTable(rows));
    },
    showHistogram(b: LostSeries[], n: LostSeries[], notes: HistogramNotes) {
      histogramBox.hidden = false;
      const buckets = lostUpdateBuckets([...b, ...n].flatMap((s) => s.lost));
      const browserCanvas = h('canvas', { role: 'img' });
      const nativeCanvas = h('canvas', { role: 'img' });
      // A side's chart when it has runs, and the note saying why it stopped or has none.
      const column = (side: string, series: LostSeries[], canvas: HTMLCanvasElement, note: string | null) =>
        h(
          'div',
          {},
          series.length > 0 ? h('div', { class: 'chart-box chart-histogram' }, canvas) : null,
          note ? h('p', { class: 'note', 'data-testid': `histogram-${side}-note` }, note) : null,
        );
      destroyChartsIn(histogramBox);
      replaceChildren(
        histogramBox,
        h('h3', {}, 'Lost updates over repeated runs'),
        h(
          'div',
          { class: 'columns' },
          column('browser', b, browserCanvas, notes.browser),
          column('native', n, nativeCanvas, notes.native),
        ),
      );
      const draw = () => {
        if (b.length > 0) drawRaceChart(browserCanvas, b, buckets, `In this browser (${state.mode})`);
        if (n.length > 0) drawRaceChart(nativeCanvas, n, buckets, `Native (${state.mode})`);
      };
      draw();
      redrawers[1] = draw;
    },
    nativeShown(result: NativeResult) {
      const text = nativeMachineText(result);
      if (text) native.setMachine(text);
    },
    showFailure(message: string | null) {
      failure.hidden = message === null;
      failure.textContent = message === null ? '' : `The run stopped: ${message}`;
    },
  };
  const runner = new CardRunner(ctx, view, id, () => state.browserStart);

  const buttons = {
    both: h('button', { type: 'button', class: 'primary' }, 'Run both sides'),
    browser: h('button', { type: 'button' }, 'Run in browser'),
    native: h('button', { type: 'button' }, 'Run natively'),
    sweep: h('button', { type: 'button' }, 'Sweep workers'),
    modes: h('button', { type: 'button' }, 'All modes'),
    histogram: definition.id === 'race' ? h('button', { type: 'button' }, 'Histogram') : null,
    cancel: h('button', { type: 'button', class: 'cancel', disabled: true }, 'Cancel'),
  };
  const busyNote = h('span', { class: 'busy-note', role: 'status' });
  const start = (label: string, job: () => Promise<void>) => {
    agreement.hidden = true;
    // Focus moves to Cancel while the job runs; give it back to the button that started it.
    const trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void runner.exclusive(label, job).then((ran) => {
      if (!ran) busyNote.textContent = 'Another card is running; one run at a time keeps the timings honest.';
      else if (trigger && (document.activeElement === buttons.cancel || document.activeElement === document.body)) trigger.focus();
    });
  };
  buttons.both.addEventListener('click', () => start('Running', () => runner.both(request())));
  buttons.browser.addEventListener('click', () => start('Running in this browser', async () => void (await runner.browser(request()))));
  buttons.native.addEventListener('click', () => start('Running natively', async () => void (await runner.native(request()))));
  buttons.sweep.addEventListener('click', () => start('Sweep', () => runner.sweep(request(), state.upto)));
  buttons.modes.addEventListener('click', () => start('All modes', () => runner.allModes(request())));
  buttons.histogram?.addEventListener('click', () => start('Histogram', () => runner.histogram(request(), state.runs)));
  buttons.cancel.addEventListener('click', () => runner.cancel());

  ctx.jobs.subscribe((owner) => {
    const mine = owner === id;
    element.dataset.busy = String(mine);
    for (const [name, button] of Object.entries(buttons)) {
      if (!button) continue;
      button.disabled = name === 'cancel' ? !mine : owner !== null;
    }
    if (owner === null) busyNote.textContent = '';
    else if (!mine) busyNote.textContent = `Waiting: the ${owner} card is running.`;
    if (mine) buttons.cancel.focus();
  });

  const refreshModeText = () => {
    const req = request();
    expectation.textContent = `What to look for in ${state.mode}: ${definition.expectations[state.mode] ?? ''}`;
    // The http source skips the WebAssembly core in the browser (card-runner), so its note replaces the core's.
    const http = req.demo === 'io' && req.params.source === 'http';
    // In mode mpi the browser runs its stand-in (card-runner): say so, and whether it can run here.
    const unavailable = http ? null : ctx.runtime.unavailableReason(browserStandIn(req));
    const notes = http
      ? [req.mode === 'mpi' ? MPI_NO_HTTP : browserHttpNote(ctx.native.isLive)]
      : [standInNote(req), unavailable && `In this browser: ${unavailable} The native side still runs it.`];
    availability.textContent = notes.filter((note) => note).join(' ');
    availability.hidden = availability.textContent === '';
    buttons.sweep.title = state.mode === 'sequential' ? 'Pick a parallel mode to sweep workers' : '';
    command.textContent = cplayCommand(req);
    code.setMode(state.mode);
  };
  const form = createParamForm(definition, state, () => {
    refreshModeText();
    ctx.stateChanged();
  });
  refreshModeText();

  const copyEmbed = h('button', { type: 'button', class: 'link-button' }, 'Copy embed code');
  copyEmbed.addEventListener('click', () => {
    const snippet = embedSnippet(embedUrl(page, id, ctx.pageUrl()), `Concurrency Playground: ${definition.title}`);
    const area = h('textarea', { readonly: true, rows: 3, 'aria-label': 'Embed code', 'data-testid': 'embed-code' });
    area.value = snippet;
    const status = h('span', { role: 'status' });
    replaceChildren(embedOutput, area, status);
    embedOutput.hidden = false;
    area.select();
    void copyText(snippet).then((ok) => (status.textContent = ok ? 'Copied to the clipboard.' : 'Select the text above and copy it.'));
  });

  const element = h(
    'article',
    { class: `card${compact ? ' compact' : ''}`, id: `demo-${id}`, 'data-demo': id, 'data-busy': 'false', 'aria-labelledby': `${id}-title` },
    h(
      'header',
      { class: 'card-header' },
      h('h2', { id: `${id}-title` }, definition.title, ' ', h('span', { class: 'kind' }, definition.kind)),
      h('div', { class: 'card-links' }, copyEmbed),
    ),
    embedOutput,
    h('div', { class: 'explanation' }, ...definition.explanation.map((p) => h('p', {}, p))),
    form.element,
    expectation,
    availability,
    h('div', { class: 'actions' }, ...Object.values(buttons).filter((b): b is HTMLButtonElement => b !== null), busyNote),
    progress.element,
    failure,
    h('div', { class: 'sides' }, browser.element, native.element),
    agreement,
    sweepBox,
    modesBox,
    histogramBox,
    h('p', { class: 'command-line' }, 'The same run from a terminal: ', command),
    code.element,
  );

  return {
    element,
    redraw() {
      browser.redraw();
      native.redraw();
      for (const draw of redrawers) draw?.();
    },
  };
}
