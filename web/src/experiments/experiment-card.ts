// The frame every experiment's card shares: a titled section that the page's job lock marks busy,
// the explanation, one row of labelled inputs with the run button and its note, the two sides,
// and what the experiment adds below them (its code, mostly). The e2e tests and axe find the
// cards by these ids, attributes and labels, so each card keeps them by building on this.
import type { ExperimentOutcome } from '../native/experiment-api';
import { h, type Child } from '../ui/dom';

/** A control and the words on its label; the label points at the control by its id. */
export type LabelledControl = readonly [label: string, control: HTMLElement];

export interface ExperimentCardParts {
  /** data-experiment, and the ids experiment-<name> and <name>-title. */
  name: string;
  /** Whether the section has the class experiment-<name> its stylesheet keys on (default true). */
  styled?: boolean;
  title: string;
  /** Under the title: a string is one paragraph. */
  explanation: Array<string | HTMLElement>;
  /** The inputs row's fields, in order: labelled controls, or elements that are their own label. */
  fields: Array<LabelledControl | HTMLElement>;
  /** After the fields in the same row: the run button, any other button, the busy note. */
  actions: HTMLElement[];
  /** The row's class (default 'actions inputs'). */
  rowClass?: string;
  sides: HTMLElement;
  below?: Child[];
}

export function experimentCard(parts: ExperimentCardParts): HTMLElement {
  const { name } = parts;
  const fields = parts.fields.flatMap((field) => (field instanceof HTMLElement ? [field] : [h('label', { for: field[1].id }, field[0]), field[1]]));
  return h(
    'section',
    {
      class: parts.styled === false ? 'card experiment' : `card experiment experiment-${name}`,
      id: `experiment-${name}`,
      'data-experiment': name,
      'data-busy': 'false',
      'aria-labelledby': `${name}-title`,
    },
    h('h2', { id: `${name}-title` }, parts.title),
    ...parts.explanation.map((part) => (typeof part === 'string' ? h('p', {}, part) : part)),
    h('div', { class: parts.rowClass ?? 'actions inputs' }, ...fields, ...parts.actions),
    parts.sides,
    ...(parts.below ?? []),
  );
}

export function runButton(): HTMLButtonElement {
  return h('button', { type: 'button', class: 'primary' }, 'Run the experiment');
}

/** Says "Running…", a problem with the inputs, or which other card holds the page. */
export function busyNote(): HTMLSpanElement {
  return h('span', { class: 'busy-note', role: 'status' });
}

export function idleLine(...text: Child[]): HTMLParagraphElement {
  return h('p', { class: 'idle' }, ...text);
}

export function errorLine(text: string): HTMLParagraphElement {
  return h('p', { class: 'error', role: 'alert' }, text);
}

/** Where one side's result goes; tests find it by `testid`. */
export function sideBody(testid: string, ...children: Child[]): HTMLDivElement {
  return h('div', { class: 'side-body', 'data-testid': testid }, ...children);
}

/** The native side before a run: with a server, what the button does; without, the command to run instead. */
export function nativeIdle(live: boolean, command: string): HTMLParagraphElement {
  return live ? idleLine('Run the experiment to ask cplay serve’s machine.') : idleLine('No native server here: run ', h('code', {}, command), ' in a terminal.');
}

/** A report in the experiment's own view, or the error in its place. */
export function outcomeView<Report>(outcome: ExperimentOutcome<Report>, view: (report: Report) => HTMLElement): HTMLElement {
  return 'report' in outcome ? view(outcome.report) : errorLine(outcome.error);
}

export function codeBlock(language: string, text: string): HTMLElement {
  return h('pre', { tabindex: 0 }, h('code', { class: `language-${language}` }, text));
}
