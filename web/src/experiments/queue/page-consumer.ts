// The page as the one consumer of a browser queue run, whichever way the messages come (posted
// with credits, or through the shared ring): it takes them oldest first, pauses consume_ms after
// each as the core's consumers do, checks each in the ledger, and keeps when it sat idle for the
// timeline.
import type { TimelineRow } from './browser-workers-run';
import type { DeliveryLedger } from './ledger';
import type { WaitSpan } from './producer-protocol';

/** What a producer reports when it has sent its last message. */
export interface ProducerDone {
  producer: number;
  start_ms: number;
  end_ms: number;
  waits: WaitSpan[];
}

export class PageConsumer {
  private readonly startMs: number;
  private readonly waits: WaitSpan[] = [];
  private idleSinceMs: number | null = null;
  private consumed = 0;

  /** Starts consuming now; `since` reads the run's clock (ms from its origin). */
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly consumeMs: number,
    private readonly since: () => number,
  ) {
    this.startMs = since();
  }

  /** Nothing to take: the page is idle from the first such moment until the next message. */
  idle(): void {
    this.idleSinceMs ??= this.since();
  }

  async take(message: { producer: number; sequence: number; payload: string }): Promise<void> {
    if (this.idleSinceMs !== null) this.waits.push({ start_ms: this.idleSinceMs, end_ms: this.since() });
    this.idleSinceMs = null;
    if (this.consumeMs > 0) await new Promise((resolve) => setTimeout(resolve, this.consumeMs));
    this.ledger.record(message.producer, message.sequence, message.payload);
    this.consumed += 1;
  }

  /** The timeline: each producer's row in producer order, then the page's, ending at `wallMs`. */
  rows(done: Iterable<ProducerDone>, messagesEach: number, wallMs: number): TimelineRow[] {
    const producerRows: TimelineRow[] = [...done]
      .sort((a, b) => a.producer - b.producer)
      .map((d) => ({ label: `producer ${d.producer}`, role: 'producer', start_ms: d.start_ms, end_ms: d.end_ms, messages: messagesEach, waits: d.waits }));
    return [...producerRows, { label: 'consumer (the page)', role: 'consumer', start_ms: this.startMs, end_ms: wallMs, messages: this.consumed, waits: this.waits }];
  }
}
