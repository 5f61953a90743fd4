// Stands in for a browser Worker in node: records what was posted and whether it was terminated,
// and answers when a test says so (reply), or at once through an `answer` function.
import type { CallMessage, ReplyMessage } from '../../web/src/runtime/worker-protocol';

export class FakeWorker {
  posted: CallMessage[] = [];
  terminated = false;
  onmessage: ((event: { data: ReplyMessage }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;

  /** Answers each call on a later microtask, as a real Worker answers asynchronously. */
  constructor(private readonly answer?: (message: CallMessage, worker: FakeWorker) => ReplyMessage | null) {}

  postMessage(message: CallMessage) {
    this.posted.push(message);
    const answer = this.answer;
    if (answer) {
      queueMicrotask(() => {
        if (this.terminated) return;
        const reply = answer(message, this);
        if (reply) this.reply(reply);
      });
    }
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: ReplyMessage) {
    this.onmessage?.({ data });
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} });
  }
  /** The methods called so far, in order. */
  get methods(): string[] {
    return this.posted.map((m) => m.method);
  }
}
