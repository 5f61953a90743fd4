// One producer of the browser queue, apart from the Worker that hosts it (so a test can run it):
// it posts its messages and, out of credits, waits for the consumer's acknowledgements.
import { CreditWindow } from './credits';
import { queuePayload } from './ledger';
import { epochNow, type FromProducer, type StartProducer, type ToProducer, type WaitSpan } from './producer-protocol';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createProducer(post: (message: FromProducer) => void): (message: ToProducer) => void {
  let credits: CreditWindow | null = null;
  let wakeUp: (() => void) | null = null;
  const failed = (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

  async function produce(start: StartProducer): Promise<void> {
    const gate = new CreditWindow(start.credits);
    credits = gate;
    const since = (): number => epochNow() - start.originEpochMs;
    const waits: WaitSpan[] = [];
    const startMs = since();
    for (let sequence = 0; sequence < start.messages; sequence += 1) {
      if (start.produceMs > 0) await sleep(start.produceMs);
      if (!gate.canSend()) {
        const waitStart = since();
        await new Promise<void>((resolve) => (wakeUp = resolve));
        waits.push({ start_ms: waitStart, end_ms: since() });
      }
      gate.send();
      post({ type: 'message', producer: start.producer, sequence, payload: queuePayload(start.producer, sequence, start.messageBytes) });
    }
    post({ type: 'done', producer: start.producer, start_ms: startMs, end_ms: since(), waits, max_outstanding: gate.maxOutstanding });
  }

  return (message) => {
    if (message.type === 'start') {
      produce(message).catch(failed);
      return;
    }
    try {
      credits?.acknowledge(message.count);
    } catch (error) {
      failed(error);
    }
    const resume = wakeUp;
    wakeUp = null;
    resume?.();
  };
}
