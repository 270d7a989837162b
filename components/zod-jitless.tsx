'use client';

import { z } from 'zod';

// zod 4 probes for `new Function` to compile fast parsers; our CSP forbids eval, so
// the probe would report a violation on every page with a form. Interpreted parsing
// is plenty fast for forms.
z.config({ jitless: true });

/** Rendered once by layouts whose pages validate forms in the browser. */
export function ZodJitless() {
  return null;
}
