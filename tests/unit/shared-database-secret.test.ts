import { describe, expect, it } from 'vitest';
import { sharedDatabaseSecretWarning } from '../../scripts/lib/database-url.mjs';

// Several instances share a database and must share the session secret (issue 15):
// `npm start` says so when it is given a database but no NEXTAUTH_SECRET.
describe('the start-up warning about the session secret', () => {
  it('is given for a shared database without NEXTAUTH_SECRET, and only then', () => {
    expect(sharedDatabaseSecretWarning({ embedded: false, secret: undefined })).toMatch(/set the same NEXTAUTH_SECRET on each/);
    expect(sharedDatabaseSecretWarning({ embedded: false, secret: '' })).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(sharedDatabaseSecretWarning({ embedded: false, secret: 'configured' })).toBeNull();
    expect(sharedDatabaseSecretWarning({ embedded: true, secret: undefined })).toBeNull();
  });
});
