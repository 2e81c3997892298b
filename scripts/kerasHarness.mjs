/*
 * The shared parts of `npm run test:keras` (scripts/test-keras.mjs): finding
 * a Python with TensorFlow, running an exported script in a folder, the
 * pass/fail tally, and the checks several cases make.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The Python to run the scripts with, or null (with why) when none has what it needs. */
export function findPython() {
  const given = process.env.KERAS_PYTHON;
  const candidates = given ? [existsSync(given) && statSync(given).isDirectory() ? join(given, 'bin', 'python') : given] : ['python3'];
  const tried = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import tensorflow, pandas, matplotlib; print(tensorflow.__version__)'], {
      encoding: 'utf8',
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
    });
    if (probe.status === 0) return { python, version: probe.stdout.trim().split('\n').pop() };
    const reason = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`);
    tried.push(`${python}: ${reason}`);
  }
  return { python: null, tried };
}

/** A tally of checks: `check(ok, message)` prints each, `failures()` counts the failed ones. */
export function createChecks() {
  let failed = 0;
  return {
    check(ok, message) {
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
      if (!ok) failed += 1;
    },
    failures: () => failed,
  };
}

/**
 * A runner for scripts written into `work` (beside their files): it returns
 * the output and `number(pattern)`, the numbers a pattern's groups caught,
 * and throws with the output's end when the script fails.
 */
export function scriptRunner(python, work) {
  return function runScript(name) {
    const run = spawnSync(python, [name], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2', MPLBACKEND: 'Agg', CUDA_VISIBLE_DEVICES: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) {
      console.log(run.stdout.slice(-4000));
      console.log(run.stderr.slice(-4000));
      throw new Error(`the exported script ${name} failed (exit ${run.status})`);
    }
    const out = run.stdout;
    const number = (pattern) => {
      const match = out.match(pattern);
      if (!match) throw new Error(`${name} did not print ${pattern}; its output ends:\n${out.slice(-2000)}`);
      return match.slice(1).map(Number);
    };
    return { out, number };
  };
}

/**
 * Checks two final validation losses agree within a factor `tolerance`
 * either way (why a factor, and why 2: see test-keras.mjs's header).
 */
export function checkRatio(check, label, epochs, kerasFinal, playgroundFinal, tolerance) {
  const ratio = kerasFinal / playgroundFinal;
  check(
    ratio <= tolerance && ratio >= 1 / tolerance,
    `${label} final val_loss after ${epochs} epochs: Keras ${kerasFinal.toFixed(4)}, playground ${playgroundFinal.toFixed(4)} (ratio ${ratio.toFixed(2)}, allowed ${1 / tolerance}–${tolerance})`,
  );
}
