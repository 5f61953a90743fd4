import { describe, expect, it } from 'vitest';
import { detectIsolation } from '../../web/src/runtime/isolation';
import { CancelledError, WorkerClient, WorkerFailedError } from '../../web/src/runtime/worker-client';
import { FakeWorker } from './fake-worker';

function clientWithFakes() {
  const workers: FakeWorker[] = [];
  const client = new WorkerClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { client, workers };
}

describe('WorkerClient', () => {
  it('settles each call by its id, in whatever order replies come', async () => {
    const { client, workers } = clientWithFakes();
    const first = client.call('info', {});
    const second = client.call('validate', { request: { demo: 'io' } });
    const [a, b] = workers[0]?.posted ?? [];
    expect(workers).toHaveLength(1);
    workers[0]?.reply({ id: b?.id ?? -1, ok: true, value: 'second' });
    workers[0]?.reply({ id: a?.id ?? -1, ok: true, value: 'first' });
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
  });

  it('turns an error reply into a rejection', async () => {
    const { client, workers } = clientWithFakes();
    const call = client.call('run', { request: {} });
    workers[0]?.reply({ id: workers[0].posted[0]?.id ?? -1, ok: false, error: 'boom' });
    await expect(call).rejects.toBeInstanceOf(WorkerFailedError);
  });

  it('cancels by terminating: pending calls reject, the next call gets a fresh Worker', async () => {
    const { client, workers } = clientWithFakes();
    const pending = client.call('run', { request: {} });
    client.terminate();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]?.terminated).toBe(true);
    expect(client.started).toBe(false);
    const next = client.call('info', {});
    expect(workers).toHaveLength(2);
    workers[1]?.reply({ id: workers[1].posted[0]?.id ?? -1, ok: true, value: 'fresh' });
    await expect(next).resolves.toBe('fresh');
  });

  it('fails every pending call when the Worker crashes', async () => {
    const { client, workers } = clientWithFakes();
    const pending = client.call('run', { request: {} });
    workers[0]?.onerror?.({ message: 'out of memory', preventDefault() {} });
    await expect(pending).rejects.toThrow('out of memory');
  });
});

describe('isolation detection', () => {
  const base = { isSecureContext: true, inFrame: false, serviceWorkerControlled: false, serviceWorkerDisabled: false };

  it('picks the threads build only with isolation and SharedArrayBuffer', () => {
    expect(detectIsolation({ ...base, crossOriginIsolated: true, SharedArrayBuffer })).toMatchObject({ variant: 'threads', reason: null });
    expect(detectIsolation({ ...base, crossOriginIsolated: true, SharedArrayBuffer: undefined }).variant).toBe('single');
    expect(detectIsolation({ ...base, crossOriginIsolated: false, SharedArrayBuffer }).variant).toBe('single');
  });

  it('explains the most likely cause', () => {
    const reason = (env: Partial<typeof base>) => detectIsolation({ ...base, ...env, crossOriginIsolated: false }).reason;
    expect(reason({ isSecureContext: false })).toMatch(/plain HTTP/);
    expect(reason({ inFrame: true })).toMatch(/embedded in a frame/);
    expect(reason({ serviceWorkerDisabled: true })).toMatch(/coi=0/);
    expect(reason({})).toMatch(/no cross-origin isolation headers/);
  });
});
