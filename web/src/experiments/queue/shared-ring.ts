// A bounded queue in one SharedArrayBuffer: many producer Workers, one consumer. Every slot has a
// turn number (the bounded queue of D. Vyukov): a producer claims the next free position with a
// compare-and-swap on the tail, writes its message, then publishes the slot by bumping its turn;
// the consumer takes a slot only once its turn says it is written, and frees it for the producer
// one lap later. Turns count twice per position (2p: free for position p, 2p + 1: holds it), so
// "written" and "freed" differ even in a ring of one slot, where p + 1 would mean both. No lock, so the page, which may never block, can consume. A full ring makes its
// producer sleep in Atomics.wait (a Worker may block) until the consumer frees a slot; an empty
// ring makes the page wait with Atomics.waitAsync. Both waits re-check a generation counter, so a
// wake-up between the check and the wait is never lost.

const HEAD = 0; // next position the consumer reads
const TAIL = 1; // next position a producer claims
const FREED = 2; // generation: bumped each time the consumer frees a slot
const FILLED = 3; // generation: bumped each time a producer publishes a slot or finishes
const DONE = 4; // producers that have finished
const MOST = 5; // the most messages the ring held at once
const CONTROL_WORDS = 6;
const SLOT_HEADER_WORDS = 3; // producer, sequence, payload length

export interface RingMessage {
  producer: number;
  sequence: number;
  payload: string;
}

export class SharedRing {
  private readonly control: Int32Array;
  private readonly turns: Int32Array;
  private readonly headers: Int32Array;
  private readonly bytes: Uint8Array;

  /** A ring of `capacity` slots of at most `slotBytes` payload bytes each. */
  static create(capacity: number, slotBytes: number): SharedRing {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a ring holds at least 1 slot (got ${capacity})`);
    if (!Number.isInteger(slotBytes) || slotBytes < 0) throw new RangeError(`a slot holds 0 or more bytes (got ${slotBytes})`);
    const words = CONTROL_WORDS + capacity * (1 + SLOT_HEADER_WORDS);
    const buffer = new SharedArrayBuffer(words * 4 + capacity * slotBytes);
    const ring = new SharedRing(buffer, capacity, slotBytes);
    for (let slot = 0; slot < capacity; slot += 1) Atomics.store(ring.turns, slot, 2 * slot);
    return ring;
  }

  /** The same ring seen from another Worker, which received `buffer` by postMessage. */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly capacity: number,
    readonly slotBytes: number,
  ) {
    this.control = new Int32Array(buffer, 0, CONTROL_WORDS);
    this.turns = new Int32Array(buffer, CONTROL_WORDS * 4, capacity);
    this.headers = new Int32Array(buffer, (CONTROL_WORDS + capacity) * 4, capacity * SLOT_HEADER_WORDS);
    this.bytes = new Uint8Array(buffer, (CONTROL_WORDS + capacity * (1 + SLOT_HEADER_WORDS)) * 4, capacity * slotBytes);
  }

  /** Puts a message in the next free slot; false when the ring is full. */
  tryPush(producer: number, sequence: number, payload: Uint8Array): boolean {
    if (payload.length > this.slotBytes) throw new RangeError(`a payload of ${payload.length} bytes does not fit a ${this.slotBytes}-byte slot`);
    for (;;) {
      const position = Atomics.load(this.control, TAIL);
      const slot = position % this.capacity;
      const turn = Atomics.load(this.turns, slot);
      if (turn < 2 * position) return false; // the consumer has not freed this slot since the last lap
      if (turn > 2 * position) continue; // another producer claimed it: read the tail again
      if (Atomics.compareExchange(this.control, TAIL, position, position + 1) !== position) continue;
      this.headers[slot * SLOT_HEADER_WORDS] = producer;
      this.headers[slot * SLOT_HEADER_WORDS + 1] = sequence;
      this.headers[slot * SLOT_HEADER_WORDS + 2] = payload.length;
      this.bytes.set(payload, slot * this.slotBytes);
      // Publishing: the store orders the writes above before the consumer's load of the turn.
      Atomics.store(this.turns, slot, 2 * position + 1);
      const held = position + 1 - Atomics.load(this.control, HEAD);
      for (let most = Atomics.load(this.control, MOST); held > most; most = Atomics.load(this.control, MOST))
        if (Atomics.compareExchange(this.control, MOST, most, held) === most) break;
      this.signal(FILLED);
      return true;
    }
  }

  /** The oldest message, or null when none is ready. One consumer only. */
  tryPop(): RingMessage | null {
    const position = Atomics.load(this.control, HEAD);
    const slot = position % this.capacity;
    if (Atomics.load(this.turns, slot) !== 2 * position + 1) return null;
    const producer = this.headers[slot * SLOT_HEADER_WORDS]!;
    const sequence = this.headers[slot * SLOT_HEADER_WORDS + 1]!;
    const length = this.headers[slot * SLOT_HEADER_WORDS + 2]!;
    // TextDecoder refuses views of shared memory: copy the payload out first.
    const payload = new TextDecoder().decode(this.bytes.slice(slot * this.slotBytes, slot * this.slotBytes + length));
    Atomics.store(this.control, HEAD, position + 1);
    Atomics.store(this.turns, slot, 2 * (position + this.capacity)); // free for the next lap
    this.signal(FREED);
    return { producer, sequence, payload };
  }

  /**
   * Producer side: blocks (Atomics.wait, Workers only) until a slot may be free, at most timeoutMs.
   * Says why it returned: 'room' without waiting, else Atomics.wait's answer.
   */
  waitForRoom(timeoutMs: number): 'room' | 'ok' | 'not-equal' | 'timed-out' {
    const generation = Atomics.load(this.control, FREED);
    if (!this.full()) return 'room';
    return Atomics.wait(this.control, FREED, generation, timeoutMs);
  }

  /** Consumer side: resolves once a message may be ready or a producer finished, at most timeoutMs. */
  async waitForMessage(timeoutMs: number): Promise<void> {
    const generation = Atomics.load(this.control, FILLED);
    if (this.hasMessage()) return;
    const waiting = Atomics.waitAsync(this.control, FILLED, generation, timeoutMs);
    if (waiting.async) await waiting.value;
  }

  /** A producer says it has put its last message. */
  finish(): void {
    Atomics.add(this.control, DONE, 1);
    this.signal(FILLED);
  }

  producersDone(): number {
    return Atomics.load(this.control, DONE);
  }

  /** The most messages the ring held at once, as producers saw it after each push. */
  mostHeld(): number {
    return Atomics.load(this.control, MOST);
  }

  /** True when the consumer's next slot is written. */
  hasMessage(): boolean {
    const position = Atomics.load(this.control, HEAD);
    return Atomics.load(this.turns, position % this.capacity) === 2 * position + 1;
  }

  private full(): boolean {
    const position = Atomics.load(this.control, TAIL);
    return Atomics.load(this.turns, position % this.capacity) < 2 * position;
  }

  private signal(generation: number): void {
    Atomics.add(this.control, generation, 1);
    Atomics.notify(this.control, generation);
  }
}
