/**
 * `BENCH_ONLY=W5,soak npm run bench` runs only the parts named: workload ids
 * (W1…W5) for the bench page and the app runs of those workloads, 'soak' for
 * the soak. Unset, everything runs.
 */
export const benchOnly: readonly string[] | undefined = process.env.BENCH_ONLY?.split(',').map((part) => part.trim()).filter(Boolean);

/** Whether any of these parts is asked for. */
export const benchSelected = (...parts: string[]): boolean => !benchOnly || parts.some((part) => benchOnly!.includes(part));
