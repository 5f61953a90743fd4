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
}

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

/** The Python a learner would write for each way of running the demo. */
export interface PythonVersions {
  sequential: string;
  threads: string;
  processes: string;
  async: string;
}

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
  /** The kernel as the core runs it, trimmed for reading. */
  cpp: string;
  python: PythonVersions;
  /** One line that says what a result means. */
  summarize(result: Record<string, unknown>): string;
}

export function defaultParams(definition: DemoDefinition): Params {
  const params: Params = {};
  for (const spec of definition.params) params[spec.key] = spec.default;
  return params;
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
    params[spec.key] = applies ? (values[spec.key] ?? spec.default) : spec.default;
  }
  return params;
}

export function pythonFor(definition: DemoDefinition, mode: Mode): string {
  switch (mode) {
    case 'sequential':
      return definition.python.sequential;
    case 'threads':
    case 'gil-threads':
      return definition.python.threads;
    case 'processes':
      return definition.python.processes;
    case 'async':
      return definition.python.async;
  }
}
