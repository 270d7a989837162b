import { describe, expect, it } from 'vitest';
import { IDLE, nextVersion } from '@/components/admin/forms/form-state';

// The article, event-submission and site-page forms send the version they edit; after
// a save they must send the saved one, or their next save is refused as stale.
describe('nextVersion', () => {
  it('is the rendered version until a save returns a newer one', () => {
    expect(nextVersion(IDLE, 3)).toBe(3);
    expect(nextVersion({ status: 'success', data: { version: 4 } }, 3)).toBe(4);
  });

  it('keeps the rendered version after a failed save or a save without one', () => {
    expect(nextVersion({ status: 'error', code: 409, message: 'Conflict', data: { version: 9 } }, 3)).toBe(3);
    expect(nextVersion({ status: 'success', message: 'Saved' }, 3)).toBe(3);
    expect(nextVersion({ status: 'success', data: { version: null } }, 3)).toBe(3);
  });
});
