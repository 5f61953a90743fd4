// A card's inputs: key, range, choices and default from the core's catalog; label and help, the
// card's own words, from the demo. The catalog also says which inputs belong to one mode only.
import { choiceParam, flagParam, integerParam, modesTaking } from '../model/catalog';
import type { ChoiceParam, FlagParam, NumberParam } from './definition';

interface Words {
  label: string;
  help: string;
}

/** The core refuses a mode's own input in any other mode, so requests leave it out there. */
function modeScope(key: string): Pick<NumberParam, 'onlyIn' | 'rejectedElsewhere'> {
  const modes = modesTaking(key);
  return modes.length > 0 ? { onlyIn: modes, rejectedElsewhere: true } : {};
}

/** `pageDefault`: where a card starts away from the core's default, within the core's range. */
export function numberInput(key: string, words: Words & { pageDefault?: number }): NumberParam {
  const spec = integerParam(key);
  const value = words.pageDefault ?? spec.default;
  if (value === null || value < spec.min || value > spec.max)
    throw new Error(`${spec.flag}: the page's default ${String(value)} is outside the core's range ${spec.min} to ${spec.max}`);
  return { kind: 'number', key, label: words.label, help: words.help, min: spec.min, max: spec.max, default: value, ...modeScope(key) };
}

export function choiceInput(key: string, words: Words): ChoiceParam {
  const spec = choiceParam(key);
  return { kind: 'choice', key, label: words.label, help: words.help, choices: spec.choices, default: spec.default, ...modeScope(key) };
}

/** `onlyIn` and `browserUnavailable`: where the page shows the box and where it cannot honour it. */
export function flagInput(key: string, words: Words & Pick<FlagParam, 'onlyIn' | 'browserUnavailable'>): FlagParam {
  const spec = flagParam(key);
  return { kind: 'flag', ...modeScope(key), ...words, key, default: spec.default };
}
