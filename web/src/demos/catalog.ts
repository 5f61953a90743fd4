// The four demos, in the order the lesson introduces them.
import type { Demo } from '../model/types';
import type { DemoDefinition } from './definition';
import { factorialDemo } from './factorial';
import { ioDemo } from './io';
import { primesDemo } from './primes';
import { raceDemo } from './race';

export const DEMO_LIST: readonly DemoDefinition[] = [ioDemo, primesDemo, factorialDemo, raceDemo];

export function demoById(id: Demo): DemoDefinition {
  const found = DEMO_LIST.find((d) => d.id === id);
  if (!found) throw new Error(`unknown demo ${id}`);
  return found;
}
