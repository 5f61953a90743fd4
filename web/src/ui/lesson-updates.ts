// Where the classic Python lesson this page reproduces has aged: each of its claims beside what
// holds for CPython today, with the version. Facts about CPython, not measurements: the cards and
// the fork vs spawn experiment are where they are shown running.
import { PYTHON_CHECKED_WITH } from '../demos/definition';
import { h } from './dom';

interface Update {
  claim: string;
  today: string;
}

export const LESSON_UPDATES: readonly Update[] = [
  {
    claim: 'Threads do not speed up CPU-bound Python.',
    today:
      'True of the standard build, which has the GIL (3.11 to 3.14): use processes for CPU-bound work there. The free-threaded build (3.13t, officially supported from 3.14t) has no GIL, and its threads use several cores, as the C++ threads mode does.',
  },
  {
    claim: 'Jython or IronPython avoid the GIL.',
    today:
      'They have no GIL, but Jython implements Python 2.7 and IronPython 3.4, so neither runs today’s Python 3 code. The ways around the GIL now: processes, native extensions that release the GIL while they compute, or the free-threaded build.',
  },
  {
    claim: 'Linux and macOS start processes by fork, Windows by spawn.',
    today:
      'macOS has started them by spawn since 3.8, and Linux by forkserver since 3.14 (fork up to 3.13); Windows always spawns. Since 3.12, fork in a process that runs threads warns, because the child gets only the calling thread. The fork vs spawn experiment below shows what a child inherits.',
  },
  {
    claim: 'An unlocked counter += 1 shared by threads loses updates.',
    today:
      'On the GIL build since 3.10 that line almost never loses one: the GIL changes hands at calls and loop jumps, not inside it. A call between the read and the write loses many; the free-threaded build loses them as the C++ threads do. The race card shows both.',
  },
];

export function createLessonUpdates(): HTMLElement {
  return h(
    'section',
    { class: 'card lesson-updates', id: 'lesson-updates', 'aria-labelledby': 'lesson-updates-title' },
    h('h2', { id: 'lesson-updates-title' }, 'Where the classic lesson is dated'),
    h('p', {}, `What the usual tutorial says, and what holds for CPython today. The Python on each card runs as shown under CPython ${PYTHON_CHECKED_WITH}.`),
    h('dl', {}, ...LESSON_UPDATES.flatMap((u) => [h('dt', {}, u.claim), h('dd', {}, u.today)])),
  );
}
