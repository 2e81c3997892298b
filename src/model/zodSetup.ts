import { z } from 'zod';

// Zod 4 compiles fast parsers with `new Function` after probing whether eval
// is allowed; under the page's Content-Security-Policy that probe alone is
// reported as a violation. Jitless parsing needs no eval at all.
z.config({ jitless: true });

export { z };
