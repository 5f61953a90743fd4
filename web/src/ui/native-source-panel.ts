// Tells where the native column's numbers come from, and lets the user add their own:
// output of `cplay … --json`, chosen with a file input or dropped anywhere on the page.
import type { NativeSide } from '../native/native-side';
import { h } from './dom';

function describe(native: NativeSide): string {
  const live = native.liveMachine();
  if (live) {
    return `Native column: live. This page is served by cplay serve, which runs each request natively on ${live.label}${live.cores === null ? '' : ` (${live.cores} cores)`}.`;
  }
  const reference = native.store.all.find((s) => s.origin === 'reference');
  if (reference) {
    const m = reference.machine;
    const when = m?.generated_at ? ` on ${m.generated_at.slice(0, 10)}` : '';
    const where = m ? `${m.cpu_model}${m.cores === null ? '' : `, ${m.cores} cores`}${m.compiler ? `, ${m.compiler}` : ''}` : 'an unnamed machine';
    return `Native column: stored reports. There is no native server here, so the native numbers are a stored reference measured by cplay (${where}${when}), for the default settings. For other settings, run the command a card shows and load the output.`;
  }
  return 'Native column: no native server here and no stored reference in this build. Run the command a card shows and load the output to compare.';
}

export function createNativeSourcePanel(native: NativeSide, onLoaded: () => void): HTMLElement {
  const status = h('p', { class: 'drop-status', role: 'status', 'data-testid': 'drop-status' });
  const input = h('input', { type: 'file', id: 'native-file', accept: '.json,.jsonl,application/json', multiple: true });
  const summary = h('p', { 'data-testid': 'native-source' }, describe(native));

  const load = async (files: Iterable<File>) => {
    const messages: string[] = [];
    for (const file of files) {
      try {
        const { accepted, rejected } = native.store.addDropped(file.name, await file.text());
        messages.push(`${file.name}: ${accepted} report${accepted === 1 ? '' : 's'} loaded${rejected ? `, ${rejected} skipped (not valid reports)` : ''}.`);
      } catch (error) {
        messages.push(error instanceof Error ? error.message : String(error));
      }
    }
    status.textContent = messages.join(' ');
    summary.textContent = describe(native);
    onLoaded();
  };
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // Cleared, so that choosing the same (re-generated) file again still counts as a change.
    input.value = '';
    void load(files);
  });
  document.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    void load(event.dataTransfer.files);
  });

  return h(
    'section',
    { class: 'native-source', 'aria-label': 'Native results' },
    summary,
    h('p', {}, h('label', { for: 'native-file' }, 'Load native results (cplay … --json output): '), input, ' or drop the file anywhere on the page.'),
    status,
  );
}
