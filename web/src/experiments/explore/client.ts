// The page's side of the explorer's Worker (explore.worker.ts): one Worker for the card's life,
// started on the first request, so a step costs one replay and not a module load. Answers come
// back in order; a Worker that fails to load fails every pending request and is started afresh.
import { errorMessage, type ExperimentOutcome } from '../../native/experiment-api';
import type { ExploreAnswerMessage, ExploreRequestMessage } from './explore.worker';
import { isExploreReport, isReplayReport, type ExploreReport, type ReplayReport } from './report';

export interface ExploreRequest {
  scenario: string;
  [option: string]: unknown;
}

export class ExploreClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (answer: ExploreAnswerMessage) => void>();

  constructor(private readonly wasmBase: string) {}

  explore(request: ExploreRequest): Promise<ExperimentOutcome<ExploreReport>> {
    return this.ask(request, isExploreReport);
  }

  replay(request: ExploreRequest, schedule: readonly number[]): Promise<ExperimentOutcome<ReplayReport>> {
    return this.ask({ ...request, schedule }, isReplayReport);
  }

  private async ask<Report>(request: unknown, isReport: (value: unknown) => value is Report): Promise<ExperimentOutcome<Report>> {
    const answer = await this.send(request);
    if (!answer.ok) return { error: answer.error };
    if (isReport(answer.value)) return { report: answer.value };
    return { error: errorMessage(answer.value) ?? 'the explorer’s report is malformed' };
  }

  private send(request: unknown): Promise<ExploreAnswerMessage> {
    const id = this.nextId++;
    const worker = this.start();
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const message: ExploreRequestMessage = { id, base: new URL('wasm/single/', this.wasmBase).href, request };
      worker.postMessage(message);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'cplay-explore' });
    worker.onmessage = (event: MessageEvent<ExploreAnswerMessage>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      const error = event.message || 'the explorer’s Worker failed to load';
      for (const [id, resolve] of this.pending) resolve({ id, ok: false, error });
      this.pending.clear();
      worker.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
