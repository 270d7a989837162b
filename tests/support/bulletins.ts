import { readFileSync } from 'node:fs';
import path from 'node:path';

// The two real bulletins, copied byte for byte from ../shared/bulletins (the content
// model's source of truth) into tests/fixtures/bulletins, so every clone, CI's
// included, tests the importer on them. tests/unit/import-bulletins.test.ts checks the
// copies still match the originals where the shared folder is present.
export const BULLETINS_DIR = path.resolve(__dirname, '..', 'fixtures', 'bulletins');

export function readBulletin(file: string): string {
  return readFileSync(path.join(BULLETINS_DIR, file), 'utf8');
}
