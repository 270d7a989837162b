import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makePng, makeWebp } from '../fixtures/media/images';

// The server actions end to end (FormData in, ActionState out), with the session mocked.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { uploadMediaAction } = await import('@/lib/actions/media/upload-media');
const { updateMediaAltAction } = await import('@/lib/actions/media/update-media-alt');
const { deleteMediaAction } = await import('@/lib/actions/media/delete-media');

let testDb: TestDatabase;
let editor: SessionUser;
let contributor: SessionUser;

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name: role, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

function form(fields: Record<string, string | Blob>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  delete process.env.MEDIA_DIR;
  delete process.env.S3_BUCKET;
  editor = await makeUser('EDITOR', 'editor@media-actions.test');
  contributor = await makeUser('CONTRIBUTOR', 'contributor@media-actions.test');
});

afterAll(async () => {
  await testDb?.drop();
});

describe('media server actions', () => {
  it('uploads from FormData, then edits the alt text and deletes', async () => {
    session.user = editor;
    const png = new File([new Uint8Array(await makePng())], 'photo.png', { type: 'image/png' });
    const uploaded = await uploadMediaAction(undefined, form({ file: png, alt: 'A red square', decorative: '' }));
    expect(uploaded).toMatchObject({ status: 'success', message: 'Image uploaded.' });
    const { id, fileName } = (uploaded as { data: { id: string; fileName: string } }).data;
    expect(await testDb.prisma.mediaBlob.count({ where: { fileName } })).toBe(1);

    const updated = await updateMediaAltAction(undefined, form({ id, alt: '', decorative: 'on' }));
    expect(updated.status).toBe('success');
    expect(await testDb.prisma.media.findUnique({ where: { id }, select: { alt: true, decorative: true } })).toEqual({ alt: '', decorative: true });

    expect((await deleteMediaAction(undefined, form({ id }))).status).toBe('success');
    expect(await testDb.prisma.mediaBlob.count({ where: { fileName } })).toBe(0);
  });

  it('returns field errors, keeping the typed values', async () => {
    session.user = editor;
    const noAlt = await uploadMediaAction(undefined, form({ file: new File([new Uint8Array(await makeWebp())], 'x.webp'), alt: ' ' }));
    expect(noAlt).toMatchObject({ status: 'error', code: 400, fieldErrors: { alt: [expect.stringMatching(/Enter alt text/)] } });

    const html = new File(['<html><script>alert(1)</script></html>'], 'x.png', { type: 'image/png' });
    const bad = await uploadMediaAction(undefined, form({ file: html, alt: 'Kept text' }));
    expect(bad).toMatchObject({ status: 'error', code: 400, values: { alt: 'Kept text' }, fieldErrors: { file: [expect.stringMatching(/PNG, JPEG, WebP or GIF/)] } });

    const noFile = await uploadMediaAction(undefined, form({ file: new File([], ''), alt: 'x' }));
    expect(noFile).toMatchObject({ status: 'error', code: 400, fieldErrors: { file: ['Select an image to upload'] } });

    const extra = await uploadMediaAction(undefined, form({ file: new File([new Uint8Array(await makeWebp())], 'x.webp'), alt: 'x', uploadedById: contributor.id }));
    expect(extra).toMatchObject({ status: 'error', code: 400, message: expect.stringMatching(/not allowed: uploadedById/) });
  });

  it('refuses contributors and signed-out users', async () => {
    const png = new File([new Uint8Array(await makePng(10, 10))], 'x.png');
    session.user = contributor;
    expect(await uploadMediaAction(undefined, form({ file: png, alt: 'x' }))).toMatchObject({ status: 'error', code: 403 });
    session.user = null;
    expect(await uploadMediaAction(undefined, form({ file: png, alt: 'x' }))).toMatchObject({ status: 'error', code: 401 });
    expect(await testDb.prisma.media.count({ where: { width: 10 } })).toBe(0);
  });
});
