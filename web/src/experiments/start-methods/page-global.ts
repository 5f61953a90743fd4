// A module-level variable: the page's counterpart of the C++ global that `cplay start-methods`
// changes. Every realm that imports this module (the page, each Worker) evaluates it afresh and
// holds its own copy, so a change made by the page is the page's alone.
export const AS_LOADED = 'as loaded';
export const CHANGED_BY_PAGE = 'changed by the page';

/** Where the page's ticking timer keeps its count, on the page's global object. */
export const TICKER_KEY = 'cplayStartMethodsTicks';

let variable = AS_LOADED;

export function pageVariable(): string {
  return variable;
}

export function setPageVariable(value: string): void {
  variable = value;
}
