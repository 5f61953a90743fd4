// The code behind a card: the C++ kernel that actually runs, beside the Python a learner would
// write for the chosen mode, so each line of one can be matched to the other.
import { PYTHON_CHECKED_WITH, PYTHON_RUNTIME, pythonFor, type DemoDefinition } from '../demos/definition';
import type { Mode } from '../model/types';
import { h } from './dom';

export interface CodeView {
  element: HTMLElement;
  setMode(mode: Mode): void;
}

export function createCodeView(definition: DemoDefinition, open: boolean): CodeView {
  const pythonCode = h('code', { class: 'language-python' });
  const pythonTitle = h('span', {});
  // Which CPython runs the snippet this way matters (GIL or free-threaded): one sentence says.
  const pythonNote = h('p', { class: 'python-note' });
  const element = h(
    'div',
    { class: 'code-view' },
    h('details', { open }, h('summary', {}, 'C++ kernel (what runs, natively and as WebAssembly)'), h('pre', { tabindex: 0 }, h('code', { class: 'language-cpp' }, definition.cpp))),
    h(
      'details',
      { open },
      h('summary', {}, pythonTitle),
      pythonNote,
      h('pre', { tabindex: 0 }, pythonCode),
      h('p', { class: 'python-note' }, `Our tests run this snippet as shown under CPython ${PYTHON_CHECKED_WITH} (with the GIL) and compare what it prints with the C++ result.`),
    ),
    definition.morePython
      ? h(
          'details',
          { 'data-testid': 'more-python' },
          h('summary', {}, definition.morePython.title),
          h('p', { class: 'python-note' }, definition.morePython.note),
          h('pre', { tabindex: 0 }, h('code', { class: 'language-python' }, definition.morePython.code)),
        )
      : null,
  );
  return {
    element,
    setMode(mode) {
      pythonTitle.textContent = `The same in Python (${PYTHON_RUNTIME[mode].label})`;
      pythonNote.textContent = PYTHON_RUNTIME[mode].note;
      pythonCode.textContent = pythonFor(definition, mode);
    },
  };
}
