// Messages between the page (the one consumer) and a producer Worker. Times are ms from the run's
// start, read by each side on the shared wall clock (performance.timeOrigin + performance.now()).

export interface StartProducer {
  type: 'start';
  producer: number;
  messages: number;
  messageBytes: number;
  /** Messages it may have unacknowledged before it must wait. */
  credits: number;
  produceMs: number;
  originEpochMs: number;
}

export interface Acknowledge {
  type: 'ack';
  count: number;
}

export type ToProducer = StartProducer | Acknowledge;

export interface WaitSpan {
  start_ms: number;
  end_ms: number;
}

export type FromProducer =
  | { type: 'ready' }
  | { type: 'message'; producer: number; sequence: number; payload: string }
  | { type: 'done'; producer: number; start_ms: number; end_ms: number; waits: WaitSpan[]; max_outstanding: number }
  | { type: 'failed'; message: string };

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
