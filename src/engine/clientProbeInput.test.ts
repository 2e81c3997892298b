import { describe, expect, it } from 'vitest';
import { TrainingClient } from './client';
import { FakeWorker } from './fakeWorker';

describe('the probe input on the page’s side', () => {
  it('is sent with its buffer transferred, numbered, and sent again to a fresh worker after a crash', () => {
    const workers: FakeWorker[] = [];
    const client = new TrainingClient('cpu', () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    });
    client.warmUp();
    const values = Float32Array.of(0.25, 0.5);
    const first = client.probeInput(values);
    const second = client.probeInput(Float32Array.of(1, 0));
    expect(second).toBe(first + 1);
    const worker = workers[0]!;
    const sent = worker.commands.filter((command) => command.type === 'probeInput');
    expect(sent.map((command) => command.type === 'probeInput' && command.input?.id)).toEqual([first, second]);
    expect(worker.transferred[worker.commands.indexOf(sent[0]!)]).toEqual([values.buffer]);
    worker.crash('boom');
    client.warmUp();
    const fresh = workers[1]!.commands.find((command) => command.type === 'probeInput');
    expect(fresh?.type === 'probeInput' && fresh.input && [fresh.input.id, Array.from(fresh.input.values)]).toEqual([second, [1, 0]]);
    client.probeInput(null);
    expect(workers[1]!.commands.at(-1)).toEqual({ type: 'probeInput', input: null });
  });
});
