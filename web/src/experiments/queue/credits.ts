// Back-pressure between Workers by credits: a producer may have at most `limit` messages that its
// consumer has not acknowledged yet. postMessage never blocks, so without this a fast producer
// would pile up an unbounded backlog in the consumer's inbox.

export class CreditWindow {
  private unacked = 0;
  private sentCount = 0;
  private mostUnacked = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a credit window holds at least 1 message (got ${limit})`);
  }

  /** False when the producer must wait for an acknowledgement. */
  canSend(): boolean {
    return this.unacked < this.limit;
  }

  send(): void {
    if (!this.canSend()) throw new Error(`no credit left: ${this.unacked} of ${this.limit} messages are unacknowledged`);
    this.unacked += 1;
    this.sentCount += 1;
    this.mostUnacked = Math.max(this.mostUnacked, this.unacked);
  }

  acknowledge(count = 1): void {
    if (!Number.isInteger(count) || count < 1 || count > this.unacked)
      throw new Error(`acknowledged ${count} with ${this.unacked} unacknowledged`);
    this.unacked -= count;
  }

  get outstanding(): number {
    return this.unacked;
  }

  get sent(): number {
    return this.sentCount;
  }

  /** The most that were ever unacknowledged at once: never above `limit`. */
  get maxOutstanding(): number {
    return this.mostUnacked;
  }
}
