import { z } from '../model/zodSetup';
import type { BackendPreference } from '../engine/protocol';

const preferenceSchema = z.enum(['auto', 'webgl', 'webgpu', 'wasm', 'cpu', 'js']);

/**
 * The backend asked for by `?backend=webgl|webgpu|wasm|cpu|js` in the page address;
 * 'auto' when absent. Anything else is reported and ignored.
 */
export function readBackendPreference(search: string): { preference: BackendPreference; warning: string | null } {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null) return { preference: 'auto', warning: null };
  const parsed = preferenceSchema.safeParse(raw);
  if (parsed.success) return { preference: parsed.data, warning: null };
  return {
    preference: 'auto',
    warning: `The address asks for backend "${raw.slice(0, 40)}", which is not one of webgl, wasm, cpu or js (or webgpu where the browser has it); choosing automatically.`,
  };
}
