import { expect, test } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';
import { observeLongTasks, setUpW2, trainW2, W2_EPOCHS } from './w2';

/**
 * Issue 7: during a W2 run, trained at over a hundred epochs a second, the
 * page's main thread runs no task over 50 ms (a "long task", as the Long
 * Tasks API reports it), from Train until the run's last epoch is drawn.
 */
test('a W2 run (breast cancer, dropout and batch normalization) keeps the main thread responsive', async ({ page }) => {
  await observeLongTasks(page);
  await openPlayground(page);
  await setUpW2(page);
  const { longTasks } = await trainW2(page);
  expect(longTasks, 'tasks over 50 ms during the run (ms)').toEqual([]);
  const rows = await historyRows(page);
  expect(rows).toHaveLength(W2_EPOCHS);
  expect(rows.at(-1)!.loss).toBeLessThan(rows[0]!.loss);
});
