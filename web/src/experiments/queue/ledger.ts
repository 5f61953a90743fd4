// The consumer's side of "every message exactly once": each (producer, sequence) is counted as it
// arrives and its payload compared with what that producer must have sent.

/** The payload producer p sends as message s: deterministic ASCII, so a damaged one shows. */
export function queuePayload(producer: number, sequence: number, bytes: number): string {
  const unit = `${producer}.${sequence};`;
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export interface LedgerSummary {
  messagesSent: number;
  messagesReceived: number;
  bytesReceived: number;
  duplicates: number;
  missing: number;
  damaged: number;
  exactlyOnce: boolean;
}

export class DeliveryLedger {
  private readonly seen: Uint8Array;
  private received = 0;
  private bytes = 0;
  private duplicates = 0;
  private damaged = 0;

  constructor(
    readonly producers: number,
    readonly messagesPerProducer: number,
    readonly messageBytes: number,
  ) {
    this.seen = new Uint8Array(producers * messagesPerProducer);
  }

  record(producer: number, sequence: number, payload: string): void {
    this.received += 1;
    this.bytes += payload.length;
    const inRange =
      Number.isInteger(producer) && Number.isInteger(sequence) && producer >= 0 && producer < this.producers && sequence >= 0 && sequence < this.messagesPerProducer;
    if (!inRange || payload !== queuePayload(producer, sequence, this.messageBytes)) {
      this.damaged += 1;
      return;
    }
    const slot = producer * this.messagesPerProducer + sequence;
    if (this.seen[slot] === 1) this.duplicates += 1;
    this.seen[slot] = 1;
  }

  summary(): LedgerSummary {
    const messagesSent = this.seen.length;
    let delivered = 0;
    for (const flag of this.seen) delivered += flag;
    const missing = messagesSent - delivered;
    return {
      messagesSent,
      messagesReceived: this.received,
      bytesReceived: this.bytes,
      duplicates: this.duplicates,
      missing,
      damaged: this.damaged,
      exactlyOnce: missing === 0 && this.duplicates === 0 && this.damaged === 0 && this.received === messagesSent,
    };
  }
}
