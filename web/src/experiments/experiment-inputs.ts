// The controls of an experiment card's inputs row, with the core's ranges and choices.
import { h } from '../ui/dom';

export interface IntegerInputRange {
  min: number;
  max: number;
  default: number;
}

/** A whole number within the core's range, starting at its default. */
export function numberInput(id: string, range: IntegerInputRange): HTMLInputElement {
  return h('input', { type: 'number', id, min: range.min, max: range.max, step: 1, value: range.default, inputmode: 'numeric' });
}

/** One option per choice, each showing its own value; `value` picks one (else the first). */
export function choiceSelect(id: string, choices: readonly string[], value?: string): HTMLSelectElement {
  const element = h('select', { id }, ...choices.map((choice) => h('option', { value: choice }, choice)));
  if (value !== undefined) element.value = value;
  return element;
}
