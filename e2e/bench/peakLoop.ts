/** Iterations of kernels.as's peak loop per call: short calls, so V8 tiers the loop up (it has no on-stack replacement for WebAssembly). */
const ITERATIONS = 100_000;
/** Multiply-adds per iteration of the peak loop: eight four-lane vectors. */
const MACS_PER_ITERATION = 32;

/**
 * Giga multiply-adds a second of the kernels' register-only SIMD loop on this
 * thread: warmed up, then timed over `windowMs` from `startAt`
 * (performance.timeOrigin + now, so several threads can start together).
 */
export async function timePeak(bytes: Uint8Array<ArrayBuffer>, windowMs: number, startAt = 0): Promise<number> {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 16384 });
  const { instance } = await WebAssembly.instantiate(bytes, { env: { memory, abort: () => undefined } });
  const peak = instance.exports.peak as (at: number, iterations: number) => number;
  new Float32Array(memory.buffer, 1024, 32).fill(0.5);
  for (let i = 0; i < 200; i++) peak(1024, ITERATIONS);
  while (performance.timeOrigin + performance.now() < startAt);
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < windowMs) {
    peak(1024, ITERATIONS);
    calls++;
  }
  return (calls * ITERATIONS * MACS_PER_ITERATION) / ((performance.now() - started) * 1e6);
}
