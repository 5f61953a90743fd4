import { numberInput } from './catalog-inputs';
import type { NumberParam } from './definition';

/** The simulated GIL's switch interval (CPython's sys.getswitchinterval() is 5 ms); gil-threads only. */
export const switchIntervalParam: NumberParam = numberInput('switch_interval_ms', {
  label: 'GIL switch interval (ms)',
  help: 'How long a thread may keep the simulated GIL before a waiting thread asks for it.',
});
