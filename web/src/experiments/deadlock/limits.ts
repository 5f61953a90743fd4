// The experiment's input ranges, as the core's deadlock catalog has them (core/src/deadlock_options.cpp);
// the core checks them again and names the range when they are out.
export const MIN_WORKERS = 2;
export const MAX_WORKERS = 8;
export const DEFAULT_ROUNDS = 3;
export const DEFAULT_HOLD_MS = 50;
