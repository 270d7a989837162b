import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The real bulletins live in shared/ beside the repository (../shared/bulletins from
// /work/main, CI's clone, or a worktree one level deeper), so look upwards for it.
function bulletinsDir(): string {
  for (let dir = path.resolve(__dirname, '..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'bulletins');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('No shared/bulletins folder beside the repository or above it');
  }
}

export function readBulletin(file: string): string {
  return readFileSync(path.join(bulletinsDir(), file), 'utf8');
}
