import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownImagesTable, type LoadedImage, type OwnImages } from '../data/ownImages';
import { prepareData } from '../data/prepare';
import { createRng } from '../data/rng';
import type { LayerSpec } from '../model/layers';
import { testConfig } from '../testing/fixtures';
import { canFuse } from './fused/stages';
import { RunControl } from './runControl';
import { runTraining } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const SIDE = 8;

/** Colour images whose class is which of red or blue is the stronger, in noise: only the channels tell them apart. */
function colourImages(): OwnImages {
  const rng = createRng(4);
  const random = rng.next;
  const image = (strong: 0 | 2): LoadedImage => {
    const pixels = new Float32Array(SIDE * SIDE * 3);
    for (let p = 0; p < SIDE * SIDE; p++) {
      const base = 0.2 + 0.3 * random();
      pixels[p * 3] = strong === 0 ? base + 0.4 : base;
      pixels[p * 3 + 1] = 0.2 + 0.3 * random();
      pixels[p * 3 + 2] = strong === 2 ? base + 0.4 : base;
    }
    return { name: 'x.png', source: new Blob(), pixels };
  };
  return {
    size: SIDE,
    channels: 3,
    unreadable: [],
    classes: [
      { id: 'r', name: 'reddish', images: Array.from({ length: 24 }, () => image(0)) },
      { id: 'b', name: 'bluish', images: Array.from({ length: 24 }, () => image(2)) },
    ],
  };
}

const layers: LayerSpec[] = [
  { id: 'c', kind: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
  { id: 'p', kind: 'maxPooling2d', poolSize: 2 },
  { id: 'f', kind: 'flatten' },
  { id: 'd', kind: 'dense', units: 2, activation: 'softmax' },
];

describe.each(['tfjs', 'fused'] as const)('own colour images on the %s engine', (engine) => {
  it('train a CNN on three channels well above chance, leaving no tensors behind', async () => {
    const table = ownImagesTable(colourImages());
    expect(table.inputShape).toEqual([SIDE, SIDE, 3]);
    // Auto may hand colour images to the JavaScript engine: it must take them.
    expect(canFuse([SIDE, SIDE, 3], layers)).toBe(true);
    const config = testConfig({ optimizer: 'adam', learningRate: 0.02, batchSize: 8, epochs: 15, loss: 'categoricalCrossentropy', scaling: 'none', seed: 3 });
    const data = { ...prepareData(table, 0.25, 3, 'none'), grid: null };
    const accuracies: number[] = [];
    const result = await runTraining({ layers, task: table.task, config, data, engine }, new RunControl(), {
      onEpoch: (record) => accuracies.push(record.valMetric),
    });
    expect(result.tensorsAfter).toBe(result.tensorsBefore);
    expect(accuracies).toHaveLength(15);
    expect(Math.max(...accuracies.slice(-5))).toBeGreaterThan(0.9);
  });
});
