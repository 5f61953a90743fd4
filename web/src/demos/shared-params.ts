import type { NumberParam } from './definition';

/** The simulated GIL's switch interval: CPython's sys.getswitchinterval() is 5 ms. */
export const switchIntervalParam: NumberParam = {
  kind: 'number',
  key: 'switch_interval_ms',
  label: 'GIL switch interval (ms)',
  help: 'How long a thread may keep the simulated GIL before a waiting thread asks for it.',
  min: 1,
  max: 1000,
  default: 5,
  onlyIn: ['gil-threads'],
  rejectedElsewhere: true,
};
