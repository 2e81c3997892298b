import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeColumns } from '../data/columns';
import { parseCsvText } from '../data/csvParse';
import { TrainingClient } from '../engine/client';
import { FakeWorker } from '../engine/fakeWorker';
import { epochEvent, epochRecord, runStartedEvent } from '../testing/fixtures';
import { createPlaygroundStore } from './store';
const settle = () => new Promise((resolve) => setTimeout(resolve, 40));

function setup() {
  const workers: FakeWorker[] = [];
  const client = new TrainingClient('auto', () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  const store = createPlaygroundStore({
    client,
    files: {
      text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
      bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
    },
    parseCsv: async (file) => {
      const parsed = parseCsvText(await file.text());
      return parsed.ok ? { ok: true, raw: parsed.raw, columns: describeColumns(parsed.raw) } : parsed;
    },
  });
  const worker = () => workers[workers.length - 1]!;
  /** Waits for the dataset to load (slower when the machine is busy), then for the frame batcher. */
  const ready = async () => {
    for (let i = 0; i < 500 && store.getState().dataset.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 10));
    await settle();
  };
  return { store, worker, workers, ready };
}

describe('the playground store', () => {
  it('opens on the concrete data, loads it, and starts the worker for the backend news', async () => {
    const { store, worker } = setup();
    expect(store.getState().datasetId).toBe('concrete');
    await settle();
    const dataset = store.getState().dataset;
    expect(dataset.status === 'ready' && dataset.table.numRows).toBe(1030);
    expect(worker().commands[0]).toEqual({ type: 'init', backend: 'auto' });
    worker().emit({ type: 'backend', info: { name: 'webgl', renderer: 'SwiftShader', note: null, auto: false } });
    await settle();
    expect(store.getState().backend?.name).toBe('webgl');
  });

  it('sends standardized data for a run and records its epochs in order', async () => {
    const { store, worker, ready } = setup();
    await ready();
    await store.getState().train();
    const command = worker().commands.find((c) => c.type === 'train');
    if (command?.type !== 'train') throw new Error('no train command');
    expect(command.data.xTrain).toHaveLength(824 * 8);
    expect(command.data.yVal).toHaveLength(206);
    expect(command.config.loss).toBe('mae');
    expect(store.getState().run.phase).toBe('starting');
    const runId = command.runId;
    worker().emit(runStartedEvent(runId));
    worker().emit(epochEvent(runId, 1));
    worker().emit(epochEvent(runId, 2));
    await settle();
    expect(store.getState().run.phase).toBe('running');
    expect(store.getState().run.history.map((r) => r.epoch)).toEqual([1, 2]);
  });

  it('pauses, resumes through Train, and stops', async () => {
    const { store, worker, ready } = setup();
    await ready();
    await store.getState().train();
    const runId = worker().lastRunId;
    worker().emit(runStartedEvent(runId));
    await settle();
    store.getState().pause();
    expect(worker().commands.at(-1)).toEqual({ type: 'pause', runId });
    worker().emit({ type: 'paused', runId, epoch: 0 });
    await settle();
    expect(store.getState().run.phase).toBe('paused');
    await store.getState().train();
    expect(worker().commands.at(-1)).toEqual({ type: 'resume', runId });
    worker().emit({ type: 'resumed', runId });
    await settle();
    store.getState().stop();
    expect(worker().commands.at(-1)).toEqual({ type: 'stop', runId });
  });

  it('Reset clears the run and nothing the old run still sends reaches the new one', async () => {
    const { store, worker, ready } = setup();
    await ready();
    await store.getState().train();
    const first = worker().lastRunId;
    worker().emit(runStartedEvent(first));
    worker().emit(epochEvent(first, 1));
    await settle();
    store.getState().reset();
    expect(store.getState().run.history).toEqual([]);
    expect(store.getState().run.phase).toBe('idle');
    await store.getState().train();
    const second = worker().lastRunId;
    expect(second).not.toBe(first);
    worker().emit(epochEvent(first, 2));
    worker().emit(runStartedEvent(second));
    worker().emit(epochEvent(second, 1));
    await settle();
    expect(store.getState().run.history).toEqual([epochRecord(1)]);
    expect(store.getState().run.runId).toBe(second);
  });

  it('switching dataset abandons the run and loads that dataset with its default model', async () => {
    const { store, worker, ready } = setup();
    await ready();
    await store.getState().train();
    const runId = worker().lastRunId;
    store.getState().selectDataset('circle');
    expect(worker().commands.at(-1)).toEqual({ type: 'stop', runId });
    expect(store.getState().layers.at(-1)).toMatchObject({ units: 1, activation: 'sigmoid' });
    await settle();
    const dataset = store.getState().dataset;
    expect(dataset.status === 'ready' && dataset.table.task.kind).toBe('binary');
  });

  it('refuses to start a model that does not fit the data, with the reasons', async () => {
    const { store, worker, ready } = setup();
    await ready();
    store.setState({ layers: [{ id: 'x', kind: 'dense', units: 3, activation: 'softmax' }] });
    await store.getState().train();
    expect(store.getState().problems).toEqual([
      'This dataset is regression (predict a number), so the last layer must output 1 value; it outputs 3.',
    ]);
    expect(store.getState().run.phase).toBe('idle');
    expect(worker().commands.some((c) => c.type === 'train')).toBe(false);
  });

  it('shows a crash of the worker as the end of the run', async () => {
    const { store, worker, ready } = setup();
    await ready();
    await store.getState().train();
    worker().crash('boom');
    await settle();
    expect(store.getState().run.phase).toBe('ended');
    expect(store.getState().run.error).toMatch(/The training worker crashed \(boom\)/);
  });
});

describe('editing the experiment', () => {
  it('adds a layer before the output, edits, moves and removes it', async () => {
    const { store, ready } = setup();
    await ready();
    store.getState().addLayer('dropout');
    const added = store.getState().layers[2]!;
    expect(store.getState().layers.map((l) => l.kind)).toEqual(['dense', 'dense', 'dropout', 'dense']);
    store.getState().updateLayer(added.id, { rate: 0.5, units: 99 });
    expect(store.getState().layers[2]).toEqual({ ...added, rate: 0.5 });
    store.getState().moveLayer(added.id, 0);
    expect(store.getState().layers[0]!.id).toBe(added.id);
    store.getState().moveLayer(added.id, 99);
    expect(store.getState().layers.at(-1)!.id).toBe(added.id);
    store.getState().removeLayer(added.id);
    expect(store.getState().layers.map((l) => l.kind)).toEqual(['dense', 'dense', 'dense']);
  });

  it('uses the dropout rate for the switch and for every dropout layer', async () => {
    const { store, ready } = setup();
    await ready();
    store.getState().setDropoutRate(0.45);
    store.getState().setToggle('dropout', true);
    const rates = () => store.getState().layers.flatMap((l) => (l.kind === 'dropout' ? [l.rate] : []));
    expect(rates()).toEqual([0.45, 0.45]);
    store.getState().setDropoutRate(0.1);
    expect(rates()).toEqual([0.1, 0.1]);
  });

  it('sends a learning-rate change to a run under way, and not when idle', async () => {
    const { store, worker, ready } = setup();
    await ready();
    store.getState().setLearningRate(0.003);
    expect(store.getState().config.learningRate).toBe(0.003);
    expect(worker().commands.some((c) => c.type === 'setLearningRate')).toBe(false);
    await store.getState().train();
    const runId = worker().lastRunId;
    worker().emit(runStartedEvent(runId));
    await settle();
    store.getState().setLearningRate(0.2);
    expect(worker().commands.at(-1)).toEqual({ type: 'setLearningRate', runId, learningRate: 0.2 });
  });

  it('Step from idle starts a run and asks for one epoch; Restart replaces the run', async () => {
    const { store, worker, ready } = setup();
    await ready();
    await store.getState().step();
    const first = worker().lastRunId;
    const started = worker().commands.at(-1);
    expect(started?.type === 'train' && started.mode).toBe('step');
    worker().emit(runStartedEvent(first));
    await settle();
    store.getState().setConfig({ batchSize: 64 });
    await store.getState().restart();
    const second = worker().lastRunId;
    expect(second).not.toBe(first);
    const train = worker().commands.at(-1);
    expect(train?.type === 'train' && train.config.batchSize).toBe(64);
    expect(store.getState().run.setup?.config.batchSize).toBe(64);
  });
});

describe('a batch size larger than the training split', () => {
  it('is clamped for the run, and the run says so', async () => {
    const { store, worker, ready } = setup();
    await ready();
    store.getState().setConfig({ batchSize: 5000 });
    await store.getState().train();
    const command = worker().commands.at(-1);
    expect(command?.type === 'train' && command.config.batchSize).toBe(824);
    expect(store.getState().run.data?.notes).toEqual(['Batch size 5000 is larger than the 824 training rows, so this run uses 824.']);
    // The experiment keeps what the person chose.
    expect(store.getState().config.batchSize).toBe(5000);
  });
});
