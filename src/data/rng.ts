/** A seeded source of random numbers: the same seed always gives the same sequence. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  /** Whole number in [0, n). */
  int(n: number): number;
}

/**
 * Mulberry32: a 32-bit generator that is fast, small and good enough for
 * shuffling and synthetic data (not for cryptography).
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    // Box–Muller; 1 - next() keeps the logarithm's argument above 0.
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    int: (n) => Math.floor(next() * n),
  };
}
