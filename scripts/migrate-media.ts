// `npm run media:migrate`: copies the files of the old media folder (MEDIA_DIR, or
// <repo>/.data/media) into the media storage, PostgreSQL or S3 as configured
// (docs/decisions/029-media-storage.md). Safe to run again; never deletes the folder.
// Exit code 1 while a Media row is left without its bytes (a corrupt or lost file).
import path from 'node:path';
import { createPrismaClient } from '../lib/prisma-client';
import { formatMediaMigration, migrateMediaFolder } from '../lib/media/migrate';
import { createMediaStorage } from '../lib/media/storage';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set. Run this as `npm run media:migrate`, which finds or starts the database.');
    return 2;
  }
  const dir = path.resolve(process.env.MEDIA_DIR || path.join(process.cwd(), '.data', 'media'));
  const client = createPrismaClient(url, { max: 2 });
  try {
    const storage = createMediaStorage(client);
    const report = await migrateMediaFolder({ dir, client, storage });
    console.log(formatMediaMigration(report, dir, storage.backend));
    return report.missing.length ? 1 : 0;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2021') {
      console.error('The database has no MediaBlob table yet. Apply the migrations first (`npm run db:deploy`, or start the app once), then run this again.');
      return 1;
    }
    console.error(`Media migration failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await client.$disconnect();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
