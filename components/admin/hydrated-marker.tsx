'use client';

import { useEffect } from 'react';

/**
 * Marks <html data-hydrated> once the admin page is interactive. React runs this
 * layout's effect after every component of the page has hydrated, so from then on a
 * click reaches its handler rather than the bare HTML. The e2e tests wait on it
 * (tests/e2e/support/fixtures.ts, `waitForHydration`): waiting for the network to go
 * quiet instead costs a second or more a page, because Next keeps prefetching links.
 */
export function HydratedMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
