import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';

/**
 * axe-core scans of every state a person reaches: the default page, a trained
 * run, a lesson, the CSV column planner, the network diagram and each dialog.
 * Only serious and critical violations fail a test; the message lists each
 * rule with the elements it found, so a failure says what to fix.
 */
async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`);
  expect(report, `${what}: serious or critical axe violations`).toEqual([]);
  expect(await unnamedFocusables(page), `${what}: focusable elements without an accessible name`).toEqual([]);
  expect(await ignoredNames(page), `${what}: names set where ARIA ignores them`).toEqual([]);
}

/** Elements whose role takes no name (a paragraph, a plain div or span) but that carry one anyway. */
function ignoredNames(page: Page): Promise<string[]> {
  const selector = ['p', 'div', 'span'].flatMap((tag) => [`${tag}[aria-label]:not([role])`, `${tag}[aria-labelledby]:not([role])`]).join(', ');
  return page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.outerHTML.slice(0, 120)));
}

/**
 * Every element that can take focus (Tab stops and tabindex=-1 alike) with an
 * empty accessible name, as Chromium's accessibility tree computes it: axe
 * checks buttons, links and fields, not a focusable div or SVG group.
 */
async function unnamedFocusables(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const unnamed: string[] = [];
  for (const node of nodes) {
    const focusable = node.properties?.some((p) => p.name === 'focusable' && p.value.value === true);
    if (node.ignored || !focusable || String(node.name?.value ?? '').trim() !== '') continue;
    const { node: dom } = node.backendDOMNodeId ? await cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId }) : { node: null };
    unnamed.push(`${String(node.role?.value)} <${dom?.localName ?? '?'} ${(dom?.attributes ?? []).join(' ')}>`);
  }
  await cdp.detach();
  return unnamed;
}

/** Sets Epochs to its smallest value and trains: a run that ends within seconds. */
async function trainShortRun(page: Page): Promise<void> {
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(epochs).toHaveAttribute('aria-valuetext', '2');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 2 epochs', { timeout: 60_000 });
}

test('the default page and a trained run have no serious accessibility violations', async ({ page }) => {
  await openPlayground(page);
  await expectNoSeriousViolations(page, 'default page');
  // Landmarks to jump between: the skip links, the main area and its three named regions.
  await expect(page.getByRole('navigation', { name: 'Skip links' })).toBeAttached();
  await expect(page.getByRole('main')).toHaveCount(1);
  for (const name of ['Data', 'Model', 'Run']) await expect(page.getByRole('region', { name, exact: true })).toBeAttached();
  // The Recharts scatter is one named picture, no longer a nameless Tab stop.
  const scatter = page.getByRole('figure', { name: 'Predicted against actual' });
  await expect(scatter.getByRole('img', { name: /predicted .+ against the actual value/ })).toBeVisible();
  await expect(scatter.locator('[tabindex]:not([tabindex="-1"])')).toHaveCount(0);
  await trainShortRun(page);
  await expect(page.getByRole('table', { name: 'Training history', exact: true }).locator('tbody tr')).toHaveCount(2);
  await expectNoSeriousViolations(page, 'trained run');
});

test('a lesson, the CSV column planner and the Keras dialog have no serious accessibility violations', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '4. Underfitting' });
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
  await expectNoSeriousViolations(page, 'lesson');

  await page.getByLabel('Load CSV…').setInputFiles('e2e/fixtures/houses.csv');
  await expect(page.getByRole('group', { name: 'Columns of houses.csv' })).toBeVisible();
  await expectNoSeriousViolations(page, 'CSV column planner');

  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  await expect(page.getByRole('dialog', { name: 'Paste Keras code' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Paste Keras code dialog');
});

test('the network diagram and the weights after a short run on circle have no serious accessibility violations', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.locator('summary', { hasText: /^Network$/ }).click();
  await trainShortRun(page);
  const network = page.getByRole('figure', { name: 'Network' });
  await expect(network.getByRole('img', { name: 'Neuron 1.1 output', exact: true })).toBeVisible();
  await page.locator('summary', { hasText: /^Weights$/ }).click();
  await expect(page.getByRole('img', { name: /^Layer 1 kernel/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'network diagram and weights');
});

test('keyboard only: from page load to a trained run in four key presses', async ({ page }) => {
  await openPlayground(page);
  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };
  await press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to training controls' });
  await expect(skip).toBeFocused();
  // Off screen until focused, then shown at the top of the page.
  expect((await skip.boundingBox())?.y).toBeGreaterThanOrEqual(0);
  await press('Enter');
  await press('Tab');
  await expect(page.getByRole('button', { name: 'Train' })).toBeFocused();
  await press('Enter');
  await expect(page.getByRole('status')).toContainText(/Finished \d+ epochs/, { timeout: 60_000 });
  expect(presses).toBe(4);
});
