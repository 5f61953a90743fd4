// The two sides every experiment shows next to each other: this browser and the native machine
// behind cplay serve, each a labelled region (axe wants landmarks with names of their own).
import { h } from '../ui/dom';

export interface SideTitles {
  /** The region names: "<label> in this browser" and "<label> natively". */
  label: string;
  browser: string;
  native?: string;
}

export function sidesView(titles: SideTitles, browser: Node | Node[], native: Node | Node[]): HTMLElement {
  const list = (content: Node | Node[]): Node[] => (Array.isArray(content) ? content : [content]);
  return h(
    'div',
    { class: 'sides' },
    h('section', { class: 'side side-browser', 'data-side': 'browser', 'aria-label': `${titles.label} in this browser` }, h('h3', {}, titles.browser), ...list(browser)),
    h('section', { class: 'side side-native', 'data-side': 'native', 'aria-label': `${titles.label} natively` }, h('h3', {}, titles.native ?? 'Native (cplay serve)'), ...list(native)),
  );
}
