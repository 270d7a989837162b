import 'server-only';
import { createPrismaClient, type Db } from './prisma-client';

// One client per server process, created on first use (so `next build` can
// import modules without a database) and kept across dev-mode reloads.
const globalForDb = globalThis as unknown as { __db?: Db };

function client(): Db {
  if (!globalForDb.__db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`.');
    globalForDb.__db = createPrismaClient(url);
  }
  return globalForDb.__db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const value = Reflect.get(client(), prop);
    return typeof value === 'function' ? value.bind(client()) : value;
  },
});
