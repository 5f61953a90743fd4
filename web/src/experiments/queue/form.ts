// The queue experiment's inputs, built from the core's catalog (experiments.queue): each one's
// flag, range, default and help. Reading them checks what the core checks, with its words.
import type { CatalogExperimentIntegerParam, QueueCatalog } from '../../../../wasm/js/types';
import { h } from '../../ui/dom';

/** The stream's inputs; the processes hand-off has its own button. */
export const STREAM_KEYS = ['producers', 'consumers', 'capacity', 'messages', 'message_bytes', 'produce_ms', 'consume_ms'] as const;
export type StreamKey = (typeof STREAM_KEYS)[number];
export type StreamOptions = Record<StreamKey, number>;

export function streamParams(catalog: QueueCatalog): CatalogExperimentIntegerParam[] {
  return STREAM_KEYS.map((key) => {
    const param = catalog.params.find((p) => p.key === key);
    if (param?.kind !== 'integer') throw new Error(`the core's queue catalog has no integer input ${key}`);
    return param;
  });
}

/** The options, or the first problem in the core's words (flag, accepted range, what was given). */
export function readStreamOptions(catalog: QueueCatalog, values: Record<string, string>): { options: StreamOptions } | { problem: string } {
  const options = {} as StreamOptions;
  for (const param of streamParams(catalog)) {
    const text = (values[param.key] ?? '').trim();
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < param.min || value > param.max) {
      return { problem: `${param.flag} must be an integer from ${param.min} to ${param.max} (got ${text === '' ? 'nothing' : `'${text.slice(0, 20)}'`})` };
    }
    options[param.key as StreamKey] = value;
  }
  const pacing = options.producers * options.messages * (options.produce_ms + options.consume_ms);
  const limit = catalog.limits.max_pacing_ms;
  if (pacing > limit) {
    return { problem: `--producers x --messages x (--produce-ms + --consume-ms) must be at most ${limit} ms of pacing (got ${pacing})` };
  }
  return { options };
}

export interface StreamForm {
  element: HTMLElement;
  values(): Record<string, string>;
}

export function createStreamForm(catalog: QueueCatalog): StreamForm {
  const inputs = streamParams(catalog).map((param) => {
    const id = `queue-${param.key.replaceAll('_', '-')}`;
    const input = h('input', { type: 'number', id, name: param.key, min: param.min, max: param.max, step: 1, value: param.default, inputmode: 'numeric', title: `${param.help} (${param.min} to ${param.max})` });
    return { param, input, label: h('label', { for: id }, `${param.flag.replace(/^--/, '')} `) };
  });
  return {
    element: h('div', { class: 'queue-inputs' }, ...inputs.map(({ label, input }) => h('span', { class: 'queue-input' }, label, input))),
    values: () => Object.fromEntries(inputs.map(({ param, input }) => [param.key, input.value])),
  };
}
