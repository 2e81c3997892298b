import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ownImagesTable, type OwnImages } from '../data/ownImages';
import { prepareData } from '../data/prepare';
import { kerasScript } from '../model/file/kerasScript';
import { playgroundBlockSchema } from '../model/file/schema';
import { exportMetaFor } from './exportMeta';
import { playgroundBlock } from './exportFiles';
import { ownImagesExperiment } from './ownImagesData';
import { idleRun, type RunState } from './runState';

const own = (channels: 1 | 3, names = ['bars', 'rings']): OwnImages => ({
  size: 16,
  channels,
  unreadable: [],
  classes: names.map((name, c) => ({
    id: name,
    name,
    images: Array.from({ length: 3 }, () => ({ name: 'x.png', source: new Blob(), pixels: new Float32Array(16 * 16 * channels).fill(c / 2) })),
  })),
});

function exported(images: OwnImages) {
  const table = ownImagesTable(images);
  const { layers, config } = ownImagesExperiment(images);
  const meta = exportMetaFor('images', table, prepareData(table, 0.2, 1, 'none'), null);
  const run = { ...idleRun, setup: { datasetId: 'images', layers, config, imported: false, largestInput: 1 }, data: { exportMeta: meta } } as unknown as RunState;
  const block = playgroundBlock(run)!;
  return { layers, meta, block, script: kerasScript(layers, block, meta.script) };
}

describe('the export of a model on own images', () => {
  it('says in the playground block how to prepare a new image, and the block passes the file schema', () => {
    const { block } = exported(own(1));
    expect(block.image).toMatchObject({ height: 16, width: 16, channels: 1, colour: 'grayscale', grayscaleWeights: [0.299, 0.587, 0.114], divideBy: 255 });
    expect(block.image!.steps).toMatch(/Resize the image to 16×16.*0\.299·R \+ 0\.587·G \+ 0\.114·B.*divide by 255/);
    expect(block.classNames).toEqual(['bars', 'rings']);
    expect(playgroundBlockSchema.safeParse(JSON.parse(JSON.stringify(block))).success).toBe(true);
    expect(exported(own(3)).block.image).toMatchObject({ channels: 3, colour: 'rgb', grayscaleWeights: null });
  });

  it('starts with a CNN whose output has one unit per class', () => {
    const { layers } = exported(own(3, ['a', 'b', 'c']));
    expect(layers.at(-1)).toMatchObject({ kind: 'dense', units: 3, activation: 'softmax' });
    expect(layers.some((layer) => layer.kind === 'conv2d')).toBe(true);
  });

  it('writes a Keras script that reads one folder per class at the same size and colour, as valid Python', () => {
    const { script } = exported(own(1, ['bars', 'rings\nimport os']));
    expect(script).toContain('keras.utils.image_dataset_from_directory(');
    expect(script).toContain('image_size=(16, 16), interpolation="area"');
    expect(script).toContain('X = (X @ np.array([0.299, 0.587, 0.114], dtype="float32"))[..., np.newaxis]');
    expect(script).toContain('classes = ["bars", "rings_import os"]');
    expect(script).toContain('input_shape=[16, 16, 1]');
    // A class name cannot break out of its comment line.
    expect(script.split('\n').some((line) => line.trim() === 'import os')).toBe(false);
    const colour = exported(own(3)).script;
    expect(colour).not.toContain('0.299');
    const python = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: script });
    if (python.error) return; // No Python here: the text checks above still hold.
    expect(python.status, python.stderr?.toString()).toBe(0);
  });
});
