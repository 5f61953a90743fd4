// Builds the page: detects what this browser may do, finds the native side, and lays out the
// cards (all four, or one compact card in embed mode).
import './styles.css';
import { applyThemeDefaults, liveChartCount, redrawOnSchemeChange } from './charts/chart-setup';
import { DEMO_LIST, demoById } from './demos/catalog';
import { createBarrierSection } from './experiments/barrier/section';
import { createMonitorSection } from './experiments/monitor/section';
import { createDeadlockSection } from './experiments/deadlock/section';
import { createExploreSection, seeHowLink } from './experiments/explore/section';
import { createPoolSection } from './experiments/pool/section';
import { createQueueSection } from './experiments/queue/section';
import { createSemaphoreSection } from './experiments/semaphore/section';
import { createAsyncSection } from './experiments/async/section';
import { createStartMethodsSection } from './experiments/start-methods/section';
import { mayHaveNativeApi } from './native/api-lookup';
import { LiveApi } from './native/live-api';
import { NativeSide } from './native/native-side';
import { ReferenceStore } from './native/reference-store';
import { BrowserRuntime } from './runtime/browser-runtime';
import { detectIsolation, readEnvironment } from './runtime/isolation';
import { parsePageState, serializePageState } from './state/url-state';
import { createDemoCard, type DemoCard } from './ui/card';
import { h } from './ui/dom';
import { messageOf } from './ui/failure';
import { createIsolationBanner } from './ui/isolation-banner';
import { createLessonUpdates } from './ui/lesson-updates';
import { createNativeSourcePanel } from './ui/native-source-panel';
import { Baselines, JobLock, type PageContext } from './ui/page-context';

declare global {
  interface Window {
    /** How many charts are alive: the browser tests check that runs do not pile them up. */
    cplayChartCount?: () => number;
  }
}
window.cplayChartCount = liveChartCount;

/** Switches that belong to the page, not to a card, and must survive URL rewrites. */
function pageSwitches(): Record<string, string> {
  const keep: Record<string, string> = {};
  const coi = new URLSearchParams(location.search).get('coi');
  if (coi !== null) keep.coi = coi;
  return keep;
}

async function start(root: HTMLElement): Promise<void> {
  applyThemeDefaults();
  const state = parsePageState(location.search);
  const isolation = detectIsolation(readEnvironment());
  const base = new URL('./', document.baseURI);
  const runtime = new BrowserRuntime({ variant: isolation.variant, isolated: isolation.isolated, wasmBase: base.href });
  const wasmInfo = runtime.ready().catch((error: unknown) => {
    console.error('WebAssembly module failed to load', error);
    return null;
  });

  // A static host has no API: asking would only log a 404 (see api-lookup.ts).
  const live = (await mayHaveNativeApi(base)) ? await LiveApi.probe(base) : null;
  const store = new ReferenceStore();
  if (!live) await store.loadReference(new URL('reference/native.json', base));
  const native = new NativeSide(live, store);

  const fullPageUrl = () => {
    const url = new URL(location.href);
    url.search = serializePageState({ ...state, embed: false }, pageSwitches());
    return url.href;
  };
  const ctx: PageContext = {
    runtime,
    wasmInfo,
    isolation,
    native,
    jobs: new JobLock(),
    baselines: new Baselines(),
    stateChanged: () => history.replaceState(null, '', `?${serializePageState(state, pageSwitches())}`),
    pageUrl: () => location.href,
  };

  const shown = state.embed && state.focus ? [demoById(state.focus)] : DEMO_LIST;
  const cards: DemoCard[] = shown.map((d) => createDemoCard(d, state.cards[d.id], state, ctx, state.embed));
  const banner = createIsolationBanner(isolation, fullPageUrl());
  const nativePanel = createNativeSourcePanel(native, () => undefined);

  document.body.classList.toggle('embed', state.embed);
  if (state.embed) {
    // Landmarks and a heading even for one card: a screen reader lands in an iframe as on a page.
    root.replaceChildren(
      h('main', {}, h('h1', { class: 'visually-hidden' }, `Concurrency Playground: ${shown.map((d) => d.title).join(', ')}`), banner, ...cards.map((c) => c.element)),
      h('footer', { class: 'embed-footer' }, h('a', { href: fullPageUrl(), target: '_blank', rel: 'noopener' }, 'Open the full Concurrency Playground')),
    );
  } else {
    root.replaceChildren(
      h(
        'header',
        { class: 'page-header' },
        h('h1', {}, 'Concurrency Playground'),
        h(
          'p',
          { class: 'lede' },
          'Threads, processes, the GIL and async, run for real. Each card runs one experiment twice: here in your browser as WebAssembly, and natively as C++ on a real machine. Every number below is measured. Two things are stand-ins: the GIL, modelled on CPython’s, and the I/O waits, which are sleeps in place of downloads.',
        ),
        banner,
        nativePanel,
        h(
          'nav',
          { 'aria-label': 'Demos' },
          h(
            'ul',
            {},
            ...DEMO_LIST.map((d) => h('li', {}, h('a', { href: `#demo-${d.id}` }, d.title))),
            h('li', {}, h('a', { href: '#experiment-start-methods' }, 'fork vs spawn')),
            h('li', {}, h('a', { href: '#experiment-deadlock' }, 'deadlock')),
            h('li', {}, h('a', { href: '#experiment-explore' }, 'see the interleaving')),
            h('li', {}, h('a', { href: '#experiment-queue' }, 'bounded queue')),
            h('li', {}, h('a', { href: '#experiment-semaphore' }, 'semaphore')),
            h('li', {}, h('a', { href: '#experiment-async' }, 'async control')),
            h('li', {}, h('a', { href: '#experiment-barrier' }, 'barrier')),
            h('li', {}, h('a', { href: '#experiment-monitor' }, 'monitor')),
            h('li', {}, h('a', { href: '#experiment-pool' }, 'pools')),
            h('li', {}, h('a', { href: '#lesson-updates' }, 'the lesson, today')),
          ),
        ),
      ),
      h('main', {}, ...cards.map((c) => c.element), createStartMethodsSection({ liveBase: live ? base : null, jobs: ctx.jobs }), createDeadlockSection({ liveBase: live ? base : null, wasmBase: base.href, threads: isolation.variant === 'threads', jobs: ctx.jobs }), createExploreSection({ wasmBase: base.href }), createQueueSection({ liveBase: live ? base : null, runtime, threads: isolation.variant === 'threads', jobs: ctx.jobs }), createSemaphoreSection({ liveBase: live ? base : null, wasmBase: base.href, threads: isolation.variant === 'threads', jobs: ctx.jobs }), createAsyncSection({ liveBase: live ? base : null, wasmBase: base.href, threads: isolation.variant === 'threads', jobs: ctx.jobs }), createBarrierSection({ liveBase: live ? base : null, wasmBase: base.href, threads: isolation.variant === 'threads', jobs: ctx.jobs }), createPoolSection({ liveBase: live ? base : null, wasmBase: base.href, threads: isolation.variant === 'threads', jobs: ctx.jobs }), createMonitorSection({ liveBase: live ? base : null, jobs: ctx.jobs }), createLessonUpdates()),
    );
    // The race card's explanation is plain text (ui/card.ts): its link to the explorer goes in here.
    document.querySelector('#demo-race .explanation')?.append(h('p', {}, seeHowLink('race', 'See how an update gets lost: step through a tiny race, one worker at a time')));
    if (state.focus) document.getElementById(`demo-${state.focus}`)?.scrollIntoView();
  }
  redrawOnSchemeChange(() => cards.forEach((c) => c.redraw()));
  document.body.dataset.ready = 'true';
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    console.error('the page could not start', error);
    root.replaceChildren(h('p', { class: 'error', role: 'alert' }, `The page could not start: ${messageOf(error)}`));
  });
}
