// A progress line for runs that last: it appears only after half a second (short runs would
// just flicker), counts the elapsed time, and shows a fraction when one is known.
import { h } from './dom';
import { formatElapsed } from './format';

const SHOW_AFTER_MS = 500;

export interface Progress {
  element: HTMLElement;
  start(label: string): void;
  update(label: string, fraction?: number): void;
  stop(): void;
}

export function createProgress(): Progress {
  const bar = h('progress', { max: 1 });
  const text = h('span', { class: 'progress-text' });
  const element = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true, 'data-testid': 'progress' }, bar, text);
  let started = 0;
  let label = '';
  let timer: number | undefined;

  const render = () => {
    const elapsed = performance.now() - started;
    if (elapsed >= SHOW_AFTER_MS) element.hidden = false;
    text.textContent = `${label} — ${formatElapsed(elapsed)}`;
  };

  return {
    element,
    start(newLabel) {
      window.clearInterval(timer);
      started = performance.now();
      label = newLabel;
      bar.removeAttribute('value');
      element.hidden = true;
      timer = window.setInterval(render, 100);
    },
    update(newLabel, fraction) {
      label = newLabel;
      if (fraction === undefined) bar.removeAttribute('value');
      else bar.value = fraction;
      render();
    },
    stop() {
      window.clearInterval(timer);
      timer = undefined;
      element.hidden = true;
    },
  };
}
