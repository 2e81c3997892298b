import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';

/** Ten points of a class in one half of the plane: two columns at x1 = ±5 and ±3.5, from x2 = −4 up. */
const cluster = (side: -1 | 1): [number, number][] => Array.from({ length: 10 }, (_, i) => [side * (i % 2 === 0 ? 5 : 3.5), -4 + i * 0.9]);

/** The page position of a plane point (x1, x2 in −6…6) on the drawing plane. */
async function at(page: Page, x1: number, x2: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByRole('application', { name: 'Drawing plane' }).boundingBox())!;
  return { x: box.x + ((x1 + 6) / 12) * box.width, y: box.y + ((6 - x2) / 12) * box.height };
}

const points = (page: Page) => page.getByRole('application', { name: 'Drawing plane' }).locator('circle.drawn-point');

test('draw ten points of each class, train, and the boundary separates them; a reload keeps them; drag erases, Clear points empties', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('drawn');
  await expect(page.getByText('No points yet.')).toBeVisible();
  await expect(page.getByText(/Training needs at least 4 points; no points are drawn yet/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  await expect(page.getByRole('switch', { name: 'Draw points' })).toBeChecked();

  for (const [x1, x2] of cluster(-1)) {
    const { x, y } = await at(page, x1, x2);
    await page.mouse.click(x, y);
  }
  await expect(page.getByText('10 points: 10 of class 0, 0 of class 1.')).toBeVisible();
  await expect(page.getByText(/Training needs points of both classes; all 10 are class 0/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Class' }).selectOption('1');
  for (const [x1, x2] of cluster(1)) {
    const { x, y } = await at(page, x1, x2);
    await page.mouse.click(x, y);
  }
  await expect(page.getByText('20 points: 10 of class 0, 10 of class 1.')).toBeVisible();
  // The clicks landed where they were aimed (to about a pixel of the plot, 12 units across some 230 pixels).
  const drawn = await points(page).evaluateAll((circles) => circles.map((c) => [Number(c.dataset.x1), Number(c.dataset.x2), Number(c.dataset.label)]));
  const aimed = [...cluster(-1).map(([a, b]) => [a, b, 0]), ...cluster(1).map(([a, b]) => [a, b, 1])];
  drawn.forEach((point, i) => {
    expect(Math.abs(point[0]! - aimed[i]![0]!)).toBeLessThan(0.1);
    expect(Math.abs(point[1]! - aimed[i]![1]!)).toBeLessThan(0.1);
    expect(point[2]).toBe(aimed[i]![2]);
  });

  // Auto picks the fast JavaScript engine for this small dense net.
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/Finished \d+ epochs/, { timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Decision boundary' })).toBeVisible();
  await expect(page.getByText(/After epoch \d+, 20 of 20 points lie on their own class’s side of the boundary\./)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('drawn');
  await expect(page.getByText('20 points: 10 of class 0, 10 of class 1.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  expect(await points(page).evaluateAll((circles) => circles.map((c) => [Number(c.dataset.x1), Number(c.dataset.x2), Number(c.dataset.label)]))).toEqual(drawn);

  // A drag down the x1 = −5 column erases its five points and nothing else.
  const from = await at(page, -5, -5.5);
  const to = await at(page, -5, 5.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 25 });
  await page.mouse.up();
  await expect(page.getByText('15 points: 5 of class 0, 10 of class 1.')).toBeVisible();

  // From the keyboard: the cursor starts at the centre; four steps up is x2 = 2; Enter adds a point of the chosen class there.
  await page.getByRole('combobox', { name: 'Class' }).selectOption('0');
  await page.getByRole('application', { name: 'Drawing plane' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Cursor at x1 = 0.50, x2 = 2.00')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('16 points: 6 of class 0, 10 of class 1.')).toBeVisible();
  await expect(points(page).last()).toHaveAttribute('data-x1', '0.5');
  await expect(points(page).last()).toHaveAttribute('data-x2', '2');
  await page.keyboard.press('Delete');
  await expect(page.getByText('15 points: 5 of class 0, 10 of class 1.')).toBeVisible();

  await page.getByRole('button', { name: 'Clear points' }).click();
  await expect(page.getByText('No points yet.')).toBeVisible();
  await expect(points(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
});

test('drawing waits while a run trains', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('drawn');
  for (const [x1, x2] of [...cluster(-1).slice(0, 3)]) {
    const { x, y } = await at(page, x1, x2);
    await page.mouse.click(x, y);
  }
  await page.getByRole('combobox', { name: 'Class' }).selectOption('1');
  for (const [x1, x2] of [...cluster(1).slice(0, 3)]) {
    const { x, y } = await at(page, x1, x2);
    await page.mouse.click(x, y);
  }
  // One epoch, then paused: the run is under way but cannot finish on its own while the test looks.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  await expect(page.getByRole('switch', { name: 'Draw points' })).toBeDisabled();
  await expect(page.getByText(/Drawing is off while a run trains on these points/)).toBeVisible();
  const { x, y } = await at(page, 0, 0);
  await page.mouse.click(x, y);
  await expect(points(page)).toHaveCount(6);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('switch', { name: 'Draw points' })).toBeEnabled();
  await page.mouse.click(x, y);
  await expect(points(page)).toHaveCount(7);
});

test('the drawing panel passes an axe scan, empty and with points', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('drawn');
  const serious = async () =>
    (await new AxeBuilder({ page }).include('.point-drawing').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await page.getByRole('application', { name: 'Drawing plane' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 points: 2 of class 0, 0 of class 1.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Task' }).selectOption('regression');
  await expect(page.getByRole('spinbutton', { name: 'Value' })).toBeVisible();
  await expect(page.getByText('2 points.')).toBeVisible();
  expect(await serious()).toEqual([]);
  // Starting from a generated set replaces the points with its first hundred, and its task.
  await page.getByRole('combobox', { name: 'Start from' }).selectOption('moons');
  await page.getByRole('button', { name: 'Use its points' }).click();
  await expect(page.getByRole('combobox', { name: 'Task' })).toHaveValue('binary');
  await expect(page.getByText(/^100 points: \d+ of class 0, \d+ of class 1\.$/)).toBeVisible();
  await expect(points(page)).toHaveCount(100);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});
