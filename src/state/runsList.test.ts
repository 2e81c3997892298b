import { describe, expect, it } from 'vitest';
import { setToggle } from '../model/toggles';
import { epochRecord, testConfig } from '../testing/fixtures';
import { defaultExperiment } from './defaults';
import { differences, recordOf, runLabel } from './runsList';
import { idleRun, type RunState } from './runState';

const base = defaultExperiment('concrete');
const ended = (layers = base.layers, config = base.config): RunState => ({
  ...idleRun,
  runId: 1,
  phase: 'ended',
  setup: { datasetId: 'concrete', layers, config },
  history: [epochRecord(1, 3), epochRecord(2, 2)],
  outcome: { kind: 'completed', epochs: 2, restoredFrom: null },
});

describe('the runs list', () => {
  it('records a finished run with its curves and best val_loss', () => {
    const record = recordOf(ended(), 4)!;
    expect(record).toMatchObject({ number: 4, datasetId: 'concrete', outcome: 'completed' });
    expect(record.losses.map(([loss]) => loss)).toEqual([3, 2]);
    expect(record.bestValLoss).toBeCloseTo(2.2);
    expect(record.layers[0]).not.toHaveProperty('id');
  });

  it('keeps nothing of a run without epochs or of an evaluation', () => {
    expect(recordOf({ ...ended(), history: [] }, 1)).toBeNull();
    expect(recordOf({ ...ended(), outcome: { kind: 'evaluated', valLoss: 1, valMetric: 1 } }, 1)).toBeNull();
  });

  it('labels a past run by what differs from the current experiment', () => {
    const withDropout = setToggle(base.layers, 'dropout', true, 0.3);
    const record = recordOf(ended(withDropout, { ...base.config, learningRate: 0.1 }), 2)!;
    expect(differences(record, { datasetId: 'concrete', ...base })).toEqual(['+ dropout 0.3', 'lr 0.1']);
    expect(runLabel(record, { datasetId: 'concrete', ...base })).toBe('run 2: + dropout 0.3, lr 0.1');
    const same = recordOf(ended(), 3)!;
    expect(runLabel(same, { datasetId: 'concrete', ...base })).toBe('run 3 (same settings)');
    const smaller = recordOf(ended([{ id: 'x', kind: 'dense', units: 1, activation: 'linear' }], testConfig({ ...base.config })), 5)!;
    expect(differences(smaller, { datasetId: 'concrete', ...base })).toContain('layers 1');
  });
});
