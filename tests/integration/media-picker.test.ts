import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '../support/db';

// GET /api/media, which the editor's "Insert image" dialog lists: who may call
// it, its strict query, and which images may be inserted.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));

let testDb: TestDatabase;
let GET: typeof import('@/app/api/media/route').GET;
const as = {} as Record<'editor' | 'sponsor' | 'contributor', SessionUser>;

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name: role, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

const call = async (query = '') => {
  const response = await GET(new Request(`http://localhost/api/media${query}`));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  ({ GET } = await import('@/app/api/media/route'));
  as.editor = await makeUser('EDITOR', 'editor@picker.test');
  as.sponsor = await makeUser('SPONSOR', 'sponsor@picker.test');
  as.contributor = await makeUser('CONTRIBUTOR', 'contributor@picker.test');
  const hash = (n: number) => `${String(n).padStart(64, '0')}.png`;
  await testDb.prisma.media.createMany({
    data: [
      { fileName: hash(1), mimeType: 'image/png', width: 10, height: 10, bytes: 100, alt: 'Social workers at a training day', createdAt: new Date('2026-01-01') },
      { fileName: hash(2), mimeType: 'image/png', width: 10, height: 10, bytes: 100, alt: '', decorative: true, createdAt: new Date('2026-01-02') },
      { fileName: hash(3), mimeType: 'image/png', width: 10, height: 10, bytes: 100, alt: '', decorative: false, createdAt: new Date('2026-01-03') },
      ...Array.from({ length: 12 }, (_, i) => ({ fileName: hash(100 + i), mimeType: 'image/png', width: 10, height: 10, bytes: 100, alt: `Filler ${i}`, createdAt: new Date('2025-01-01') })),
    ],
  });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('GET /api/media', () => {
  it('is 401 without a session and 403 for contributors; never cached', async () => {
    session.user = null;
    const anonymous = await call();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    session.user = as.contributor;
    expect((await call()).status).toBe(403);
    session.user = { ...as.editor, active: false };
    expect((await call()).status).toBe(403);
  });

  it('lists newest first, 12 a page, and says which images can be inserted', async () => {
    session.user = as.sponsor; // media:read
    const { status, body } = await call();
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 15, page: 1, pageCount: 2 });
    const items = body.items as { url: string; alt: string; decorative: boolean; insertable: boolean }[];
    expect(items).toHaveLength(12);
    expect(items.slice(0, 3)).toEqual([
      expect.objectContaining({ url: `/media/${'3'.padStart(64, '0')}.png`, alt: '', decorative: false, insertable: false }),
      expect.objectContaining({ alt: '', decorative: true, insertable: true }),
      expect.objectContaining({ alt: 'Social workers at a training day', decorative: false, insertable: true }),
    ]);
    expect(Object.keys(items[0]!).sort()).toEqual(['alt', 'decorative', 'height', 'id', 'insertable', 'url', 'width']);
    const second = await call('?page=2');
    expect((second.body.items as unknown[]).length).toBe(3);
  });

  it('searches alt text', async () => {
    session.user = as.editor;
    const { body } = await call('?q=TRAINING');
    expect(body.total).toBe(1);
  });

  it('rejects unknown parameters and bad pages with 400 and a message', async () => {
    session.user = as.editor;
    for (const query of ['?page=0', '?page=abc', '?q=x&role=ADMIN', `?q=${'x'.repeat(201)}`]) {
      const { status, body } = await call(query);
      expect(status, query).toBe(400);
      expect(typeof body.error).toBe('string');
    }
  });
});
