import { describe, expect, it } from 'vitest';
import { readBackendPreference } from './backendPreference';

describe('readBackendPreference', () => {
  it('reads ?backend=webgl|webgpu|wasm|cpu and defaults to auto', () => {
    expect(readBackendPreference('?backend=webgl')).toEqual({ preference: 'webgl', warning: null });
    expect(readBackendPreference('?x=1&backend=cpu')).toEqual({ preference: 'cpu', warning: null });
    expect(readBackendPreference('?backend=webgpu')).toEqual({ preference: 'webgpu', warning: null });
    expect(readBackendPreference('')).toEqual({ preference: 'auto', warning: null });
  });

  it('reports and ignores anything else', () => {
    const result = readBackendPreference('?backend=%3Cscript%3E');
    expect(result.preference).toBe('auto');
    expect(result.warning).toMatch(/"<script>", which is not one of webgl, wasm, cpu or js \(or webgpu where the browser has it\)/);
  });
});
