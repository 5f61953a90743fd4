/** A browser run ended by its Cancel button (or the signal it was given). */
export class CancelledRun extends Error {
  constructor() {
    super('cancelled');
  }
}
