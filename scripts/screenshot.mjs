// Takes the README's screenshot of the running app: `npm run build`, start
// `npx vite preview`, then `node scripts/screenshot.mjs [url]`.
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:4173/?backend=wasm';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.getByText(/Backend: /).waitFor();
await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '5. Overfitting' });
await page.getByRole('button', { name: 'Train' }).click();
await page.getByRole('status').filter({ hasText: /Finished|Stopped/ }).waitFor({ timeout: 120_000 });
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
