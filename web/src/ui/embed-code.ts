// "Copy embed code": an iframe that shows one card. allow="cross-origin-isolated" lets the frame
// be isolated when the host page is; otherwise the card falls back to single-threaded builds.
import type { Demo } from '../model/types';
import { defaultPageState, serializePageState, type PageState } from '../state/url-state';

/** The address of one card alone: only that card's settings travel, the rest stay default. */
export function embedUrl(state: PageState, demo: Demo, pageUrl: string): string {
  const url = new URL(pageUrl);
  const alone = defaultPageState();
  alone.cards[demo] = state.cards[demo];
  url.search = serializePageState({ ...alone, focus: demo, embed: true });
  url.hash = '';
  return url.href;
}

export function embedSnippet(src: string, title: string): string {
  const escaped = src.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<iframe src="${escaped}" title="${title.replaceAll('"', '&quot;')}" width="100%" height="760" style="border:0" allow="cross-origin-isolated" loading="lazy"></iframe>`;
}

/** Copies to the clipboard when allowed (frames and plain http may forbid it). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
