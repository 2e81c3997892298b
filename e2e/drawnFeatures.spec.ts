import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';

/** Eight points of class 1 close around the origin and twelve of class 0 on a ring of radius 4 around them. */
const inner = Array.from({ length: 8 }, (_, i): [number, number] => [0.8 * Math.cos((i * Math.PI) / 4), 0.8 * Math.sin((i * Math.PI) / 4)]);
const ring = Array.from({ length: 12 }, (_, i): [number, number] => [4 * Math.cos((i * Math.PI) / 6), 4 * Math.sin((i * Math.PI) / 6)]);

/** Clicks each point on the drawing plane (x1, x2 in −6…6). */
async function clickPoints(page: Page, points: [number, number][]): Promise<void> {
  const box = (await page.getByRole('application', { name: 'Drawing plane' }).boundingBox())!;
  for (const [x1, x2] of points) await page.mouse.click(box.x + ((x1 + 6) / 12) * box.width, box.y + ((6 - x2) / 12) * box.height);
}

/** Ticks exactly the named input features. */
async function tickOnly(page: Page, features: string[]): Promise<void> {
  const group = page.getByRole('group', { name: 'Input features' });
  for (const name of ['x1', 'x2', 'x1²', 'x2²', 'x1·x2', 'sin(x1)', 'sin(x2)']) {
    await group.getByRole('checkbox', { name, exact: true }).setChecked(features.includes(name));
  }
}

/** Trains on Auto and returns K of the fit line "K of 20 points lie on their own class’s side". */
async function trainAndCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/Finished \d+ epochs/, { timeout: 60_000 });
  const fit = page.getByText(/After epoch \d+, \d+ of 20 points lie on their own class’s side of the boundary\./);
  await expect(fit).toBeVisible();
  return Number(/, (\d+) of 20 points/.exec((await fit.textContent()) ?? '')![1]);
}

test('your own points take input features: with x1² and x2² a single neuron rings the centre, with x1, x2 it cannot', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('drawn');
  await page.getByRole('combobox', { name: 'Class' }).selectOption('1');
  await clickPoints(page, inner);
  await page.getByRole('combobox', { name: 'Class' }).selectOption('0');
  await clickPoints(page, ring);
  await expect(page.getByText('20 points: 12 of class 0, 8 of class 1.')).toBeVisible();

  // The drawn set's model is Dense(8) → Dense(8) → Dense(1, sigmoid): the two hidden layers go.
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  for (let i = 0; i < 2; i++) await layers.first().getByRole('button', { name: 'Remove layer' }).click();
  await expect(layers).toHaveCount(1);

  await expect(page.getByRole('group', { name: 'Input features' }).getByRole('checkbox', { name: 'x1', exact: true })).toBeChecked();
  expect(await trainAndCount(page)).toBeLessThan(20);

  await tickOnly(page, ['x1²', 'x2²']);
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText('Total params: 3');
  expect(await trainAndCount(page)).toBeGreaterThanOrEqual(19);
  await page.locator('summary', { hasText: /^Network$/ }).click();
  const network = page.getByRole('figure', { name: 'Network' });
  for (const name of ['Input x1²', 'Input x2²', 'Neuron 1.1 output']) await expect(network.getByRole('img', { name, exact: true })).toHaveCount(1);

  // A reload keeps the features with the points; none ticked, Train waits and says why.
  await page.reload();
  const group = page.getByRole('group', { name: 'Input features' });
  for (const [name, ticked] of [['x1', false], ['x2', false], ['x1²', true], ['x2²', true]] as const) {
    await expect(group.getByRole('checkbox', { name, exact: true })).toBeChecked({ checked: ticked });
  }
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await tickOnly(page, []);
  await expect(group.getByRole('alert')).toHaveText(/No input feature is ticked/);
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
});
