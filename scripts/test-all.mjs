// `npm test`: the type checks, the unit tests (Vitest) and the browser tests
// (Playwright, against a fresh production build), run one after another even
// when one fails, so a single run reports everything. Its last line is one
// plain "N passed, M failed" adding up every check it ran: each type-checked
// project counts as one, the build as one, then every Vitest and Playwright
// test (a test that passed on CI's retry counts as passed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

/** Runs a command with its output shown; true when it exits 0. */
function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step that counts as one check. */
function check(name, command, args) {
  const ok = run(command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

/** Reads a JSON report, or null when the runner wrote none (it crashed before the end). */
function report(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

for (const project of ['tsconfig.json', 'tsconfig.worker.json', 'tsconfig.node.json']) {
  check(`type check (${project})`, 'npx', ['tsc', '-p', project, '--noEmit']);
}

const vitestFile = `${reports}/vitest.json`;
const vitestOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const vitest = report(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A test file that failed to load has no tests of its own to count.
  const brokenFiles = (vitest.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  failed += brokenFiles;
  lines.push(`Vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests + brokenFiles} failed`);
} else {
  failed++;
  lines.push(`Vitest: FAILED without a report (exit ${vitestOk ? 0 : 'non-zero'})`);
}

if (check('Chromium present', 'node', ['scripts/ensure-chromium.mjs']) && check('production build', 'npx', ['vite', 'build', '--outDir', process.env.E2E_OUT_DIR ?? 'dist'])) {
  const playwrightFile = `${reports}/playwright.json`;
  run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile });
  const playwright = report(playwrightFile);
  if (playwright?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats;
    passed += expected + flaky;
    failed += unexpected;
    lines.push(`Playwright: ${expected + flaky} passed${flaky ? ` (${flaky} on a retry)` : ''}, ${unexpected} failed`);
  } else {
    failed++;
    lines.push('Playwright: FAILED without a report');
  }
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
