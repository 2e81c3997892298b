/**
 * Limits that keep parsing and training responsive in a browser tab. Apart
 * from the parser, so the page can check a file's size without loading it.
 */
export const csvLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 1_000,
} as const;

/** Why a file of `bytes` bytes is refused before a byte of it is read. */
export function csvTooLarge(bytes: number): string {
  return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the playground reads CSV files of at most ${csvLimits.maxBytes / 1024 / 1024} MB.`;
}
