import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionState } from '@/lib/actions/state';
import type { ImportReview, BatchResult } from '@/lib/actions/imports/review-types';
import type { SessionUser } from '@/lib/auth/session';
import { IMPORT_MAX_CHARS, IMPORT_MAX_FILE_BYTES } from '@/lib/validation/imports';
import { readBulletin } from '../support/bulletins';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The import page's actions end to end (FormData in, ActionState out), session mocked:
// paste or upload → review data; review → create (with the editor's changes); batch;
// and the inputs they must refuse without creating anything.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { reviewImportAction } = await import('@/lib/actions/imports/review-import');
const { createImportAction } = await import('@/lib/actions/imports/create-import');
const { batchImportAction } = await import('@/lib/actions/imports/batch-import');

let testDb: TestDatabase;
let editor: SessionUser;
let sponsor: SessionUser;
let contributor: SessionUser;

const OCTOBER = readBulletin('2025-10-regional-update.txt');
const JUNE = readBulletin('2024-06-regional-update.txt');

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name: role, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

function form(fields: Record<string, string | Blob | (string | Blob)[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of ([] as (string | Blob)[]).concat(v)) fd.append(k, one);
  return fd;
}

const file = (name: string, content: string | Uint8Array<ArrayBuffer>, type = 'text/plain') => new File([content], name, { type });

type Call = (prev: undefined, fd: FormData) => Promise<ActionState<unknown>>;
/** Runs an action as `user`; a redirect counts as success, with its target as data. */
async function call(action: Call, user: SessionUser | null, fd: FormData): Promise<ActionState<unknown>> {
  session.user = user;
  try {
    return await action(undefined, fd);
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { status: 'success', data: digest.split(';')[2] };
    throw error;
  } finally {
    session.user = null;
  }
}

const review = async (fields: Record<string, string | Blob>) => call(reviewImportAction as Call, editor, form(fields));
const reviewData = (state: ActionState<unknown>) => {
  expect(state.status).toBe('success');
  return (state as { data: ImportReview }).data;
};
const counts = async () => ({ issues: await testDb.prisma.issue.count(), imports: await testDb.prisma.auditLog.count({ where: { action: 'issue.import' } }) });

/** The fields the review screen posts for a review, untouched. */
function reviewedForm(r: ImportReview, changes: Record<string, string> = {}) {
  const month = r.draft.month ?? '';
  const fields: Record<string, string> = {
    source: r.source, sourceName: r.sourceName, title: r.draft.title, month: month ? String(Number(month.slice(5, 7))) : '', year: month.slice(0, 4), slug: '',
  };
  r.draft.sections.forEach((s, i) => {
    fields[`section.${i}.title`] = s.title;
    fields[`section.${i}.kind`] = s.kind;
    s.events.forEach((e, j) => {
      const n = `event.${i}.${j}`;
      Object.assign(fields, {
        [`${n}.title`]: e.title, [`${n}.price`]: e.isFree ? 'free' : 'cost', [`${n}.cost`]: e.cost ?? '', [`${n}.mode`]: e.mode,
        [`${n}.platform`]: e.platform ?? '', [`${n}.venueName`]: e.venueName ?? '', [`${n}.venueAddress`]: e.venueAddress ?? '',
        [`${n}.audience`]: e.audience ?? '', [`${n}.registrationDeadline`]: e.registrationDeadline ?? '', [`${n}.presenters`]: e.presenters.join('\n'),
      });
    });
  });
  return form({ ...fields, ...changes });
}

async function docx(paragraphs: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  editor = await makeUser('EDITOR', 'editor@import-actions.test');
  sponsor = await makeUser('SPONSOR', 'sponsor@import-actions.test');
  contributor = await makeUser('CONTRIBUTOR', 'contributor@import-actions.test');
});

afterAll(async () => {
  await testDb?.drop();
});

describe('reading a bulletin for review', () => {
  it('reads the pasted October 2025 bulletin into the review data, saving nothing', async () => {
    const before = await counts();
    const r = reviewData(await review({ pasted: OCTOBER, format: 'auto' }));
    expect(r.source).toBe(OCTOBER);
    expect(r.sourceName).toBe('');
    expect(r.draft.title).toBe('Regional Update – October 2025');
    expect(r.draft.month).toBe('2025-10-01');
    expect(r.draft.sections[0]).toMatchObject({ kind: 'INTRO' });
    expect(r.draft.sections.reduce((n, s) => n + s.events.length, 0)).toBe(9);
    expect(r.draft.sections.flatMap((s) => s.events.flatMap((e) => e.flags)).length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('reads pasted HTML (worked out from its tags, or when told) into the text shape it carries to "Create"', async () => {
    const html = '<h1>Regional Update – March 2026</h1><h2>Welcome</h2><p>Hello everyone.</p><p>Kind regards</p><p>Sam Jones</p>';
    for (const format of ['auto', 'html']) {
      const r = reviewData(await review({ pasted: html, format }));
      expect(r.draft.title).toBe('Regional Update – March 2026');
      expect(r.source).toContain('## Welcome');
      expect(r.source).not.toContain('<p>');
    }
    const asText = reviewData(await review({ pasted: html, format: 'text' }));
    expect(asText.source).toBe(html);
  });

  it('reads the HTML a paste from Word sent beside its plain text, and ignores it when the text box is empty', async () => {
    const html = '<p class=MsoNormal>Regional Update – March 2026<o:p></o:p></p><h2>Welcome</h2><p class=MsoNormal>Hello&nbsp;everyone.</p>';
    const r = reviewData(await review({ pasted: 'Regional Update – March 2026\nWelcome\nHello everyone.', pastedHtml: html }));
    expect(r.source).toContain('## Welcome');
    expect(r.draft.sections.map((s) => s.title)).toContain('Welcome');
    const empty = await review({ pasted: '', pastedHtml: html });
    expect(empty).toMatchObject({ status: 'error', fieldErrors: { pasted: [expect.stringMatching(/Paste the text/)] } });
  });

  it('reads an uploaded .txt, .html and .docx file, naming the file', async () => {
    const txt = reviewData(await review({ pasted: '', file: file('october.txt', OCTOBER) }));
    expect(txt).toMatchObject({ sourceName: 'october.txt', draft: { month: '2025-10-01' } });
    const html = reviewData(await review({ file: file('page.html', '<h1>Regional Update – May 2026</h1><p>Text.</p>', 'text/html') }));
    expect(html.draft.title).toBe('Regional Update – May 2026');
    const word = reviewData(await review({ file: file('issue.docx', await docx(['Regional Update – April 2026', 'A paragraph of news.'])) }));
    expect(word).toMatchObject({ sourceName: 'issue.docx', draft: { title: 'Regional Update – April 2026', month: '2026-04-01' } });
  });

  it('refuses an empty paste, a wrong kind of file, an empty or too large file, both at once and a file that is not what it says, keeping the typed text', async () => {
    const cases: [Record<string, string | Blob>, string, RegExp][] = [
      [{ pasted: '' }, 'pasted', /Paste the text of a bulletin/],
      [{ pasted: '  \n\t ' }, 'pasted', /Paste the text of a bulletin/],
      [{ pasted: '', file: file('', '') }, 'pasted', /Paste the text/],
      [{ pasted: '', file: file('blob', '') }, 'pasted', /Paste the text/],
      [{ pasted: '', file: file('flyer.pdf', '%PDF-1.7') }, 'file', /not a kind of file the importer reads/],
      [{ pasted: '', file: file('empty.txt', '') }, 'file', /“empty.txt” is empty/],
      [{ pasted: '', file: file('big.txt', new Uint8Array(IMPORT_MAX_FILE_BYTES + 1)) }, 'file', /larger than 2 MB/],
      [{ pasted: 'Some text I typed', file: file('october.txt', OCTOBER) }, 'file', /not both/],
      [{ pasted: '', file: file('fake.docx', 'not a zip') }, 'file', /not a Word document/],
      [{ pasted: '', file: file('latin1.txt', new Uint8Array([0x52, 0xe9, 0x67])) }, 'file', /not UTF-8/],
      [{ pasted: '', file: file('blank.html', '<p>   </p>') }, 'file', /has no text/],
      [{ pasted: '<p>&nbsp;</p>', format: 'html' }, 'pasted', /no text in what you pasted/],
      [{ pasted: 'x'.repeat(IMPORT_MAX_CHARS + 1) }, 'pasted', /longer than 200,000 characters/],
    ];
    for (const [fields, field, message] of cases) {
      const state = await review(fields);
      expect(state.status, JSON.stringify(Object.keys(fields))).toBe('error');
      if (state.status !== 'error') continue;
      expect(state.fieldErrors?.[field]?.[0]).toMatch(message);
      if (typeof fields.pasted === 'string') expect(state.values?.pasted).toBe(fields.pasted);
    }
  });

  it('refuses forged fields and a format it does not know', async () => {
    const forged = await review({ pasted: OCTOBER, evil: 'x' });
    expect(forged).toMatchObject({ status: 'error', code: 400, message: 'These fields are not allowed: evil.' });
    const format = await review({ pasted: OCTOBER, format: 'pdf' });
    expect(format).toMatchObject({ status: 'error', fieldErrors: { format: ['Choose what the pasted text is'] } });
  });

  it('refuses sponsors and contributors, and anyone signed out', async () => {
    for (const user of [sponsor, contributor]) {
      expect(await call(reviewImportAction as Call, user, form({ pasted: OCTOBER }))).toMatchObject({ status: 'error', code: 403 });
      expect(await call(createImportAction as Call, user, reviewedForm(reviewData(await review({ pasted: OCTOBER }))))).toMatchObject({ status: 'error', code: 403 });
      expect(await call(batchImportAction as Call, user, form({ files: file('a.txt', OCTOBER) }))).toMatchObject({ status: 'error', code: 403 });
    }
    expect(await call(reviewImportAction as Call, null, form({ pasted: OCTOBER }))).toMatchObject({ status: 'error', code: 401 });
  });
});

describe('creating the reviewed draft', () => {
  it('creates the DRAFT issue with the editor’s changes, one audit row, and lands on the issue', async () => {
    const r = reviewData(await review({ pasted: OCTOBER }));
    const eventsAt = r.draft.sections.findIndex((s) => s.events.length > 0);
    const articleAt = r.draft.sections.findIndex((s, i) => i > 0 && s.kind === 'ARTICLE');
    const before = await counts();
    const state = await call(createImportAction as Call, editor, reviewedForm(r, {
      title: 'Imported October (changed)',
      slug: 'imported-october-changed',
      [`section.${articleAt}.title`]: 'A heading I wrote',
      [`section.${articleAt}.kind`]: 'EVENT_LIST',
      [`event.${eventsAt}.0.title`]: 'An event title I wrote',
      [`event.${eventsAt}.0.price`]: 'cost',
      [`event.${eventsAt}.0.cost`]: '£10',
      [`event.${eventsAt}.0.mode`]: 'HYBRID',
      [`event.${eventsAt}.0.venueName`]: 'Town Hall',
      [`event.${eventsAt}.0.registrationDeadline`]: '2025-10-20',
      [`event.${eventsAt}.0.presenters`]: 'Ann Example\nBen Example',
    }));
    expect(state.status).toBe('success');
    const issue = await testDb.prisma.issue.findUniqueOrThrow({
      where: { slug: 'imported-october-changed' },
      select: {
        id: true, status: true, title: true, month: true,
        sections: { orderBy: { position: 'asc' }, select: { title: true, kind: true, events: { orderBy: { position: 'asc' }, select: { event: { select: { title: true, isFree: true, cost: true, mode: true, venueName: true, registrationDeadline: true } } } } } },
      },
    });
    expect((state as { data: string }).data).toBe(`/admin/issues/${issue.id}?created=1`);
    expect(issue).toMatchObject({ status: 'DRAFT', title: 'Imported October (changed)' });
    expect(issue.month.toISOString().slice(0, 10)).toBe('2025-10-01');
    expect(issue.sections).toHaveLength(r.draft.sections.length);
    expect(issue.sections[articleAt]).toMatchObject({ title: 'A heading I wrote', kind: 'EVENT_LIST' });
    expect(issue.sections[eventsAt]!.events[0]!.event).toMatchObject({ title: 'An event title I wrote', isFree: false, cost: '£10', mode: 'HYBRID', venueName: 'Town Hall' });
    expect(issue.sections[eventsAt]!.events[0]!.event.registrationDeadline?.toISOString().slice(0, 10)).toBe('2025-10-20');
    expect(await counts()).toEqual({ issues: before.issues + 1, imports: before.imports + 1 });
    const audit = await testDb.prisma.auditLog.findFirstOrThrow({ where: { action: 'issue.import', entityId: issue.id }, select: { actorId: true, details: true } });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.details).toMatchObject({ slug: 'imported-october-changed', unmatchedNames: expect.arrayContaining(['Ann Example', 'Ben Example']) });
  });

  it('uses the month chosen on review for a bulletin whose title names none', async () => {
    const r = reviewData(await review({ pasted: 'Our newsletter\n\nWelcome\n\nSome news for everyone.' }));
    expect(r.draft.month).toBeNull();
    const missing = await call(createImportAction as Call, editor, reviewedForm(r));
    expect(missing).toMatchObject({ status: 'error', fieldErrors: { month: ['Choose the month and year the issue is for'] } });
    const made = await call(createImportAction as Call, editor, reviewedForm(r, { month: '2', year: '2026', slug: 'no-month-in-title' }));
    expect(made.status).toBe('success');
    const issue = await testDb.prisma.issue.findUniqueOrThrow({ where: { slug: 'no-month-in-title' }, select: { month: true } });
    expect(issue.month.toISOString().slice(0, 10)).toBe('2026-02-01');
  });

  it('returns the review with the changes kept when it refuses: a taken slug, empty fields, bad values', async () => {
    const r = reviewData(await review({ pasted: OCTOBER }));
    const eventsAt = r.draft.sections.findIndex((s) => s.events.length > 0);
    const before = await counts();
    const refusals: [Record<string, string>, string, RegExp][] = [
      [{ slug: 'imported-october-changed', title: 'Kept title' }, 'slug', /already uses this slug/],
      [{ title: '   ' }, 'title', /Enter a title/],
      [{ month: '13' }, 'month', /Choose the month/],
      [{ year: '20x5' }, 'month', /Choose the month/],
      [{ 'section.1.title': '' }, 'section.1.title', /Enter a heading for section 2/],
      [{ 'section.1.kind': 'POEM' }, 'section.1.kind', /Choose what section 2 is/],
      [{ [`section.${eventsAt}.kind`]: 'ARTICLE' }, `section.${eventsAt}.kind`, /has events, so it must stay an event list/],
      [{ 'section.1.kind': 'INTRO' }, 'section.1.kind', /one intro/],
      [{ [`event.${eventsAt}.0.title`]: ' ' }, `event.${eventsAt}.0.title`, /Enter the event’s title/],
      [{ [`event.${eventsAt}.0.price`]: 'gratis' }, `event.${eventsAt}.0.price`, /Choose whether the event is free/],
      [{ [`event.${eventsAt}.0.price`]: 'cost', [`event.${eventsAt}.0.cost`]: '' }, `event.${eventsAt}.0.cost`, /Enter the cost/],
      [{ [`event.${eventsAt}.0.mode`]: 'TELEPATHY' }, `event.${eventsAt}.0.mode`, /Choose online, in person or hybrid/],
      [{ [`event.${eventsAt}.0.registrationDeadline`]: '2025-02-30' }, `event.${eventsAt}.0.registrationDeadline`, /real date/],
    ];
    for (const [changes, field, message] of refusals) {
      const state = await call(createImportAction as Call, editor, reviewedForm(r, changes));
      expect(state.status, field).toBe('error');
      if (state.status !== 'error') continue;
      expect(state.fieldErrors?.[field]?.[0], field).toMatch(message);
      expect((state.data as ImportReview).source).toBe(OCTOBER);
      for (const [k, v] of Object.entries(changes)) expect(state.values?.[k]).toBe(v);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses forged fields: unknown names, sections or events the bulletin does not have, a missing source', async () => {
    const r = reviewData(await review({ pasted: OCTOBER }));
    const before = await counts();
    const evil = await call(createImportAction as Call, editor, reviewedForm(r, { evil: '1', 'section.0.body': 'x' }));
    expect(evil).toMatchObject({ status: 'error', code: 400, message: 'These fields are not allowed: evil, section.0.body.' });
    expect((evil as { values: Record<string, unknown> }).values.source).toBe(OCTOBER);
    const beyond = await call(createImportAction as Call, editor, reviewedForm(r, { 'section.99.title': 'Ghost', 'event.0.7.title': 'Ghost' }));
    expect(beyond).toMatchObject({ status: 'error', message: expect.stringMatching(/do not match the bulletin being imported: section\.99, event\.0\.7/) });
    expect((beyond as { data: ImportReview }).data.source).toBe(OCTOBER);
    const noSource = await call(createImportAction as Call, editor, reviewedForm(r, { source: '  ' }));
    expect(noSource).toMatchObject({ status: 'error', fieldErrors: { source: [expect.stringMatching(/text is missing/)] } });
    const upload = await call(createImportAction as Call, editor, (() => { const fd = reviewedForm(r); fd.append('section.0.title', file('x.txt', 'x')); return fd; })());
    expect(upload.status).toBe('error');
    expect(await counts()).toEqual(before);
  });
});

describe('importing several files at once', () => {
  it('makes a draft per readable file and reports every file, in order', async () => {
    const before = await counts();
    const state = await call(batchImportAction as Call, editor, form({
      files: [
        file('june-2024.txt', JUNE),
        file('flyer.pdf', '%PDF-1.7'),
        file('empty.txt', ''),
        file('huge.html', new Uint8Array(IMPORT_MAX_FILE_BYTES + 1)),
        file('latin1.txt', new Uint8Array([0x52, 0xe9, 0x67])),
        file('word.docx', await docx(['Regional Update – January 2027', 'News.'])),
      ],
    }));
    expect(state.status).toBe('success');
    const { report } = (state as { data: BatchResult }).data;
    expect(report.map((r) => [r.file, r.ok])).toEqual([
      ['june-2024.txt', true], ['flyer.pdf', false], ['empty.txt', false], ['huge.html', false], ['latin1.txt', false], ['word.docx', true],
    ]);
    expect(report[1]!.messages[0]).toMatch(/not a kind of file/);
    expect(report[2]!.messages[0]).toMatch(/is empty/);
    expect(report[3]!.messages[0]).toMatch(/larger than 2 MB/);
    expect(report[4]!.messages[0]).toMatch(/not UTF-8/);
    const made = await testDb.prisma.issue.findMany({ where: { id: { in: [report[0]!.issue!.id, report[5]!.issue!.id] } }, select: { status: true } });
    expect(made).toEqual([{ status: 'DRAFT' }, { status: 'DRAFT' }]);
    expect(await counts()).toEqual({ issues: before.issues + 2, imports: before.imports + 2 });

    // The same file again: its slug is taken, so it is reported, not duplicated.
    const again = await call(batchImportAction as Call, editor, form({ files: file('june-2024.txt', JUNE) }));
    expect((again as { data: BatchResult }).data.report[0]).toMatchObject({ ok: false, messages: [expect.stringMatching(/already uses this slug/)] });
  });

  it('refuses no files, too many files and forged fields', async () => {
    expect(await call(batchImportAction as Call, editor, form({}))).toMatchObject({ status: 'error', fieldErrors: { files: ['Choose one or more files to import'] } });
    expect(await call(batchImportAction as Call, editor, form({ files: file('', '') }))).toMatchObject({ status: 'error', fieldErrors: { files: ['Choose one or more files to import'] } });
    const many = Array.from({ length: 21 }, (_, i) => file(`f${i}.txt`, OCTOBER));
    expect(await call(batchImportAction as Call, editor, form({ files: many }))).toMatchObject({ status: 'error', fieldErrors: { files: [expect.stringMatching(/at most 20 files/)] } });
    expect(await call(batchImportAction as Call, editor, form({ files: file('a.txt', OCTOBER), evil: 'x' }))).toMatchObject({ status: 'error', message: 'These fields are not allowed: evil.' });
  });
});
