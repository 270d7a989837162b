import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { ROLES, type Role } from '@/lib/auth/permissions';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makePng } from '../fixtures/media/images';

// Every server action, called directly as a browser (or an attacker) could call it:
// for every role, for no session, for a deactivated account, for another user's
// record and with extra fields smuggled in. The expectations below are written out
// by hand (not derived from lib/auth/permissions.ts), so a change to the permission
// table that opens an action up shows here as an unexpected allow.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error('requireUser called without a user');
    return session.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Input = Record<string, unknown> | FormData;
type ActionFn = (prev: undefined, input: Input) => Promise<{ status: string; code?: number; message?: string }>;

type Records = {
  issueId: string;
  introId: string;
  articleId: string;
  eventListId: string;
  revisionId: string;
  personId: string;
  otherPersonId: string;
  organisationId: string;
  otherOrganisationId: string;
  targetUserId: string;
  mediaId: string;
  /** Featured in the event-list section, first and second. */
  eventId: string;
  secondEventId: string;
  /** Not featured anywhere. */
  freeEventId: string;
  /** A submitted article contribution by the owner. */
  contributionId: string;
  /** Open and resolved comment threads on the article section, started by the owner. */
  commentId: string;
  resolvedCommentId: string;
  /** A notification addressed to the owner. */
  notificationId: string;
  /** Who "owns" own-scoped records in this set (the acting user, or someone else). */
  ownerId: string;
};

type Case = {
  /** lib/actions/<file>.ts */
  file: string;
  exportName: string;
  /** Roles that may do this to a record of their own (or to any record, for `any` permissions). */
  allowed: readonly Role[];
  /** For own-scoped actions: roles that may also do it to another user's record. */
  allowedOnOthers?: readonly Role[];
  input: (r: Records) => Promise<Input> | Input;
};

let uploads = 0;
const STAFF = ['ADMIN', 'EDITOR'] as const;
const ADMIN = ['ADMIN'] as const;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A valid online event as the event form sends it. */
const EVENT_FIELDS = {
  title: 'Who’s Got You? – For Managers',
  description: JSON.stringify(doc('A course.')),
  isFree: 'true',
  mode: 'ONLINE',
  platform: 'Microsoft Teams',
  registrationContact: 'Book through the Teaching Partnership',
  'sessions.0.day': '4',
  'sessions.0.month': '11',
  'sessions.0.year': '2031',
  'sessions.0.startTime': '09:30',
  'sessions.0.endTime': '12:30',
};

/** A small bulletin in the shape of the real ones, for the import actions. */
const IMPORTED_BULLETIN = 'Regional Update – May 2031\n\nNews from the partnership\n\nThe family hubs open in June.\n';

const CASES: Case[] = [
  { file: 'issues/create-issue', exportName: 'createIssueAction', allowed: STAFF, input: () => ({ title: 'Regional Update – March 2031', slug: `rbac-${randomUUID().slice(0, 8)}`, year: '2031', month: '3', sourceIssueId: '' }) },
  { file: 'issues/duplicate-issue', exportName: 'duplicateIssueAction', allowed: STAFF, input: (r) => ({ sourceIssueId: r.issueId, title: 'Copy', slug: `rbac-${randomUUID().slice(0, 8)}`, year: '2031', month: '4' }) },
  // Importing a bulletin (issue 14): read it for review, create the draft, or several files at once.
  { file: 'imports/review-import', exportName: 'reviewImportAction', allowed: STAFF, input: () => ({ pasted: IMPORTED_BULLETIN }) },
  {
    file: 'imports/create-import',
    exportName: 'createImportAction',
    allowed: STAFF,
    input: () => ({ source: IMPORTED_BULLETIN, title: 'Regional Update – May 2031', month: '5', year: '2031', slug: `rbac-import-${randomUUID().slice(0, 8)}` }),
  },
  {
    file: 'imports/batch-import',
    exportName: 'batchImportAction',
    allowed: STAFF,
    input: () => {
      const form = new FormData();
      form.append('files', new File([IMPORTED_BULLETIN.replace('May', `May ${randomUUID().slice(0, 4)}`)], 'may-2031.txt', { type: 'text/plain' }));
      return form;
    },
  },
  {
    file: 'media/upload-media',
    exportName: 'uploadMediaAction',
    allowed: STAFF,
    input: async () => {
      const form = new FormData();
      // Distinct pixels each time: the library stores one copy per content hash.
      form.set('file', new File([await makePng(20 + uploads++, 20)], 'photo.png', { type: 'image/png' }));
      form.set('alt', 'A test picture');
      return form;
    },
  },
  { file: 'media/update-media-alt', exportName: 'updateMediaAltAction', allowed: STAFF, input: (r) => ({ id: r.mediaId, alt: 'New alt text' }) },
  { file: 'media/delete-media', exportName: 'deleteMediaAction', allowed: STAFF, input: (r) => ({ id: r.mediaId }) },
  { file: 'organisations/create-organisation', exportName: 'createOrganisation', allowed: ADMIN, input: () => ({ name: `Org ${randomUUID()}`, kind: 'PARTNER' }) },
  { file: 'organisations/update-organisation', exportName: 'updateOrganisation', allowed: ADMIN, input: (r) => ({ id: r.organisationId, name: 'Renamed org', kind: 'COUNCIL' }) },
  { file: 'organisations/merge-organisations', exportName: 'mergeOrganisations', allowed: ADMIN, input: (r) => ({ sourceId: r.otherOrganisationId, targetId: r.organisationId }) },
  { file: 'people/create-person', exportName: 'createPerson', allowed: STAFF, input: () => ({ name: 'New Person', jobTitle: 'Officer' }) },
  { file: 'people/update-person', exportName: 'updatePerson', allowed: STAFF, input: (r) => ({ id: r.personId, name: 'Renamed Person' }) },
  { file: 'people/delete-person', exportName: 'deletePerson', allowed: STAFF, input: (r) => ({ id: r.personId }) },
  { file: 'people/merge-people', exportName: 'mergePeople', allowed: STAFF, input: (r) => ({ sourceId: r.otherPersonId, targetId: r.personId }) },
  { file: 'sections/add-section', exportName: 'addSectionAction', allowed: STAFF, input: (r) => ({ issueId: r.issueId, kind: 'ARTICLE', title: 'News' }) },
  { file: 'sections/delete-section', exportName: 'deleteSectionAction', allowed: STAFF, input: (r) => ({ sectionId: r.articleId, confirm: 'yes' }) },
  { file: 'sections/reorder-sections', exportName: 'reorderSectionsAction', allowed: STAFF, input: (r) => ({ sectionId: r.articleId, direction: 'up' }) },
  { file: 'sections/restore-revision', exportName: 'restoreRevisionAction', allowed: STAFF, input: (r) => ({ revisionId: r.revisionId }) },
  { file: 'sections/save-section', exportName: 'saveSectionAction', allowed: STAFF, input: (r) => ({ id: r.articleId, version: 1, title: 'Article', body: doc('Edited article') }) },
  {
    // The page's current version, so only the permission decides (a stale one is a conflict).
    file: 'site-pages/update',
    exportName: 'updateSitePageAction',
    allowed: STAFF,
    input: async () => {
      const { version } = await testDb.prisma.sitePage.findUniqueOrThrow({ where: { slug: 'privacy' }, select: { version: true } });
      return { slug: 'privacy', version: String(version), title: 'Privacy notice', body: JSON.stringify(doc('How we use your data.')) };
    },
  },
  // No SMTP_URL here, so the test email is skipped; the permission still decides.
  { file: 'editions/send-test', exportName: 'sendTestEditionAction', allowed: STAFF, input: (r) => ({ issueId: r.issueId, intro: 'first', paragraphs: '2' }) },
  {
    // Only a published issue can be sent; there are no subscribers here, so the confirmed count is 0.
    file: 'editions/send',
    exportName: 'sendEditionAction',
    allowed: STAFF,
    input: async (r) => {
      await testDb.prisma.issue.updateMany({ where: { id: r.issueId }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
      return { issueId: r.issueId, intro: 'full', paragraphs: '2', expectedRecipients: '0' };
    },
  },
  // The subscribers' CSV import (issue 13): check a file, then add or discard the preview.
  {
    file: 'subscribers/preview-import',
    exportName: 'previewSubscriberImport',
    allowed: STAFF,
    input: () => {
      const form = new FormData();
      form.set('file', new File([`email\nrbac-${randomUUID().slice(0, 8)}@example.org\n`], 'subscribers.csv', { type: 'text/csv' }));
      return form;
    },
  },
  { file: 'subscribers/apply-import', exportName: 'applySubscriberImportAction', allowed: STAFF, input: async () => ({ id: await subscriberImport(), declaration: 'import-2026-12' }) },
  { file: 'subscribers/discard-import', exportName: 'discardSubscriberImportAction', allowed: STAFF, input: async () => ({ id: await subscriberImport() }) },
  // The same action on the intro: the sponsor may edit that one.
  { file: 'sections/save-section#intro', exportName: 'saveSectionAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ id: r.introId, version: 1, title: 'From our sponsor', body: doc('Edited intro') }) },
  { file: 'users/create-user', exportName: 'createUser', allowed: ADMIN, input: () => toForm({ email: `new-${randomUUID().slice(0, 8)}@example.org`, role: 'EDITOR', password: 'a-long-enough-password', name: 'New User' }) },
  { file: 'users/update-user-profile', exportName: 'updateUserProfile', allowed: ADMIN, input: (r) => ({ id: r.targetUserId, name: 'Renamed User' }) },
  { file: 'users/change-user-role', exportName: 'changeUserRole', allowed: ADMIN, input: (r) => ({ id: r.targetUserId, role: 'SPONSOR' }) },
  { file: 'users/deactivate-user', exportName: 'deactivateUser', allowed: ADMIN, input: (r) => ({ id: r.targetUserId }) },
  { file: 'users/reactivate-user', exportName: 'reactivateUser', allowed: ADMIN, input: (r) => ({ id: r.targetUserId }) },
  { file: 'users/reset-user-password', exportName: 'resetUserPassword', allowed: ADMIN, input: (r) => toForm({ id: r.targetUserId, password: 'another-long-password' }) },
  { file: 'issues/update-issue', exportName: 'updateIssueAction', allowed: STAFF, input: (r) => ({ id: r.issueId, version: 1, title: 'Renamed issue', slug: `rbac-${randomUUID().slice(0, 8)}`, year: '2031', month: '1', summary: 'A summary' }) },
  { file: 'sections/set-section-bylines', exportName: 'setSectionBylinesAction', allowed: STAFF, input: (r) => ({ sectionId: r.articleId, personIds: [r.personId], bylineOrganisationId: r.organisationId }) },
  { file: 'sections/create-byline-person', exportName: 'createBylinePersonAction', allowed: STAFF, input: (r) => ({ sectionId: r.articleId, name: 'Inline Person', jobTitle: 'Practice Lead' }) },
  { file: 'sections/set-section-signatory', exportName: 'setSectionSignatoryAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ sectionId: r.introId, signatoryId: r.personId, signOff: 'Kind regards' }) },
  { file: 'sections/add-section-event', exportName: 'addSectionEventAction', allowed: STAFF, input: (r) => ({ sectionId: r.eventListId, eventId: r.freeEventId }) },
  { file: 'sections/remove-section-event', exportName: 'removeSectionEventAction', allowed: STAFF, input: (r) => ({ sectionId: r.eventListId, eventId: r.eventId }) },
  { file: 'sections/move-section-event', exportName: 'moveSectionEventAction', allowed: STAFF, input: (r) => ({ sectionId: r.eventListId, eventId: r.secondEventId, direction: 'up' }) },
  { file: 'events/create-event', exportName: 'createEventAction', allowed: STAFF, input: (r) => ({ ...EVENT_FIELDS, sectionId: r.eventListId }) },
  { file: 'events/update-event', exportName: 'updateEventAction', allowed: STAFF, input: (r) => ({ ...EVENT_FIELDS, id: r.eventId, version: '1', title: 'Renamed event' }) },
  { file: 'events/delete-event', exportName: 'deleteEventAction', allowed: STAFF, input: (r) => ({ id: r.freeEventId, confirm: 'yes' }) },
  // Review comments: staff and the sponsor on sections; a contributor only on their own submission.
  { file: 'comments/add-comment', exportName: 'addCommentAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ sectionId: r.articleId, body: 'Check the second paragraph.', blocking: 'on' }) },
  { file: 'comments/add-comment#contribution', exportName: 'addCommentAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR', 'CONTRIBUTOR'], allowedOnOthers: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ contributionId: r.contributionId, body: 'Could you add a date?' }) },
  { file: 'comments/resolve-comment', exportName: 'resolveCommentAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ id: r.commentId }) },
  { file: 'comments/reopen-comment', exportName: 'reopenCommentAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ id: r.resolvedCommentId }) },
  // Notifications: everyone, on their own only.
  { file: 'notifications/mark-notification-read', exportName: 'markNotificationReadAction', allowed: ROLES, allowedOnOthers: [], input: (r) => ({ id: r.notificationId }) },
  { file: 'notifications/mark-all-notifications-read', exportName: 'markAllNotificationsReadAction', allowed: ROLES, input: () => ({}) },
  // Contributions: contributors act on their own submissions only; admins on any.
  { file: 'contributions/submit-contribution', exportName: 'submitContributionAction', allowed: ['ADMIN', 'CONTRIBUTOR'], input: () => ({ kind: 'ARTICLE', title: 'Our news', body: JSON.stringify(doc('News from a partner')) }) },
  { file: 'contributions/update-contribution', exportName: 'updateContributionAction', allowed: ['ADMIN', 'CONTRIBUTOR'], allowedOnOthers: ['ADMIN'], input: (r) => ({ id: r.contributionId, version: '1', kind: 'ARTICLE', title: 'Edited news', body: JSON.stringify(doc('Edited')) }) },
  { file: 'contributions/withdraw-contribution', exportName: 'withdrawContributionAction', allowed: ['ADMIN', 'CONTRIBUTOR'], allowedOnOthers: ['ADMIN'], input: (r) => ({ id: r.contributionId, version: '1' }) },
  { file: 'contributions/accept-contribution', exportName: 'acceptContributionAction', allowed: STAFF, input: (r) => ({ id: r.contributionId, version: '1', issueId: r.issueId, sectionId: r.articleId }) },
  { file: 'contributions/decline-contribution', exportName: 'declineContributionAction', allowed: STAFF, input: (r) => ({ id: r.contributionId, version: '1', reason: 'Out of scope for this issue' }) },
  // Issue workflow (lib/actions/workflow): each input first puts the fresh issue in the status the step starts from.
  { file: 'workflow/submit-intro', exportName: 'submitIntroAction', allowed: ['ADMIN', 'EDITOR', 'SPONSOR'], input: (r) => ({ issueId: r.issueId }) },
  { file: 'workflow/approve-intro', exportName: 'approveIntroAction', allowed: ['ADMIN', 'SPONSOR'], input: async (r) => ({ issueId: await wfStatus(r, 'IN_REVIEW'), contentHash: await wfIntroHash() }) },
  { file: 'workflow/request-intro-changes', exportName: 'requestIntroChangesAction', allowed: ['ADMIN', 'SPONSOR'], input: async (r) => ({ issueId: await wfStatus(r, 'IN_REVIEW'), comment: 'Please add the date of the conference.' }) },
  { file: 'workflow/schedule-issue', exportName: 'scheduleIssueAction', allowed: STAFF, input: async (r) => ({ issueId: await wfStatus(r, 'APPROVED', true), 'date.day': '1', 'date.month': '1', 'date.year': '2031', time: '09:00' }) },
  { file: 'workflow/unschedule-issue', exportName: 'unscheduleIssueAction', allowed: STAFF, input: async (r) => ({ issueId: await wfStatus(r, 'SCHEDULED', true) }) },
  { file: 'workflow/publish-issue', exportName: 'publishIssueAction', allowed: STAFF, input: async (r) => ({ issueId: await wfStatus(r, 'APPROVED', true) }) },
  {
    file: 'workflow/publish-changes',
    exportName: 'publishChangesAction',
    allowed: STAFF,
    input: async (r) => {
      // Live (published with a snapshot), then edited: a pending change to publish.
      const issueId = await wfStatus(r, 'PUBLISHED', true);
      if (await testDb.prisma.issue.count({ where: { id: issueId } })) {
        const { writePublicationSnapshot } = await import('@/lib/workflow/publication-snapshot');
        await testDb.prisma.$transaction((tx) => writePublicationSnapshot(tx, issueId, null, new Date()));
        await testDb.prisma.issue.update({ where: { id: issueId }, data: { summary: 'Edited after publishing' } });
      }
      return { issueId };
    },
  },
  {
    file: 'workflow/ask-sponsor-live',
    exportName: 'askSponsorLiveAction',
    allowed: ['ADMIN', 'EDITOR', 'SPONSOR'],
    input: async (r) => {
      // Live, and its intro edited since the approval (the approved hash no longer matches).
      const issueId = await wfStatus(r, 'PUBLISHED');
      await testDb.prisma.section.updateMany({ where: { id: r.introId }, data: { approvedAt: new Date(), approvedContentHash: '0'.repeat(64), approvalRequestedAt: null } });
      return { issueId };
    },
  },
  { file: 'workflow/unpublish-issue', exportName: 'unpublishIssueAction', allowed: STAFF, input: async (r) => ({ issueId: await wfStatus(r, 'PUBLISHED', true), confirm: 'yes' }) },
  { file: 'workflow/archive-issue', exportName: 'archiveIssueAction', allowed: STAFF, input: async (r) => ({ issueId: await wfStatus(r, 'PUBLISHED', true) }) },
  {
    file: 'workflow/create-approval-link',
    exportName: 'createApprovalLinkAction',
    allowed: STAFF,
    input: async (r) => ({ issueId: await wfStatus(r, 'IN_REVIEW'), sponsorId: (await makeUser('SPONSOR')).id }),
  },
  { file: 'workflow/create-preview-link', exportName: 'createPreviewLinkAction', allowed: STAFF, input: (r) => ({ issueId: r.issueId }) },
  {
    file: 'workflow/revoke-access-link',
    exportName: 'revokeAccessLinkAction',
    allowed: STAFF,
    input: async (r) => {
      const exists = await testDb.prisma.issue.count({ where: { id: r.issueId } });
      if (!exists) return { issueId: r.issueId, id: r.issueId };
      const link = await testDb.prisma.accessToken.create({
        data: { purpose: 'ISSUE_PREVIEW', tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '0'), issueId: r.issueId, expiresAt: new Date(Date.now() + 86_400_000) },
        select: { id: true },
      });
      return { issueId: r.issueId, id: link.id };
    },
  },
];

/** Puts a fresh record set's issue in `status` (and, if `approved`, its intro approved as it is); returns the issue id. */
async function wfStatus(r: Records, status: 'IN_REVIEW' | 'APPROVED' | 'SCHEDULED' | 'PUBLISHED', approved = false) {
  const p = testDb.prisma;
  await p.issue.updateMany({ where: { id: r.issueId }, data: { status, scheduledAt: status === 'SCHEDULED' ? new Date('2031-01-01T09:00:00Z') : null } });
  if (approved) await p.section.updateMany({ where: { id: r.introId }, data: { approvedAt: new Date(), approvedContentHash: await wfIntroHash() } });
  return r.issueId;
}

/** The hash of the fixture intro (title, body, no sign-off, no signatory). */
async function wfIntroHash() {
  const { introContentHash } = await import('@/lib/workflow/intro-hash');
  return introContentHash({ title: 'From our sponsor', body: doc('Intro'), signOff: null, signatoryId: null });
}

function toForm(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

/** A checked subscriber import waiting to be added, with one address of its own. */
async function subscriberImport(): Promise<string> {
  const email = `rbac-import-${randomUUID().slice(0, 8)}@example.org`;
  const row = await testDb.prisma.subscriberImport.create({
    data: { fileName: 'rbac.csv', rowCount: 1, accepted: [{ line: 2, email, newIssues: true, eventsDigest: 'NONE' }], rejected: [] },
    select: { id: true },
  });
  return row.id;
}

let testDb: TestDatabase;
let mediaDir: string;
/** Every test user belongs to one, so contributions have a byline. */
let userOrganisationId: string;
const actions = new Map<string, ActionFn>();

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  userOrganisationId = (await testDb.prisma.organisation.create({ data: { slug: 'rbac-users-org', name: 'RBAC Users Org', kind: 'PARTNER' }, select: { id: true } })).id;
  mediaDir = await mkdtemp(path.join(os.tmpdir(), 'rbac-media-'));
  process.env.MEDIA_DIR = mediaDir;
  for (const c of CASES) {
    const mod = (await import(/* @vite-ignore */ path.resolve('lib/actions', `${c.file.split('#')[0]}.ts`))) as Record<string, ActionFn>;
    const fn = mod[c.exportName];
    if (typeof fn !== 'function') throw new Error(`${c.file} has no export ${c.exportName}`);
    actions.set(c.file, fn);
  }
});

afterAll(async () => {
  // Comments queue notification emails; stop the queue before its database goes.
  await (await import('@/lib/jobs/worker')).stopJobs();
  await testDb?.drop();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

async function makeUser(role: Role, active = true): Promise<SessionUser> {
  const email = `rbac-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`;
  return testDb.prisma.user.create({
    data: { email, name: `RBAC ${role}`, role, active, organisationId: userOrganisationId },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

/** Fresh records for one call, so one call's changes (a delete, a merge) cannot affect another's. */
async function makeRecords(ownerId: string): Promise<Records> {
  const p = testDb.prisma;
  const tag = randomUUID().slice(0, 8);
  const issue = await p.issue.create({
    data: {
      slug: `rbac-issue-${tag}`,
      title: `RBAC issue ${tag}`,
      month: new Date('2031-01-01'),
      createdById: ownerId,
      sections: {
        create: [
          { position: 0, kind: 'INTRO', title: 'From our sponsor', body: doc('Intro') },
          { position: 1, kind: 'EVENT_LIST', title: 'Events', body: doc('') },
          { position: 2, kind: 'ARTICLE', title: 'Article', body: doc('Article') },
        ],
      },
    },
    select: { id: true, sections: { select: { id: true, kind: true } } },
  });
  const byKind = (k: string) => issue.sections.find((s) => s.kind === k)!.id;
  const articleId = byKind('ARTICLE');
  const revision = await p.revision.create({
    data: { entityType: 'Section', entityId: articleId, version: 1, data: { title: 'Article', body: doc('Older text') } },
    select: { id: true },
  });
  const org = await p.organisation.create({ data: { slug: `rbac-org-${tag}`, name: `Org ${tag}`, kind: 'PARTNER' }, select: { id: true } });
  const otherOrg = await p.organisation.create({ data: { slug: `rbac-org2-${tag}`, name: `Org2 ${tag}`, kind: 'PARTNER' }, select: { id: true } });
  const person = await p.person.create({ data: { slug: `rbac-person-${tag}`, name: `Person ${tag}` }, select: { id: true } });
  const otherPerson = await p.person.create({ data: { slug: `rbac-person2-${tag}`, name: `Person2 ${tag}` }, select: { id: true } });
  const target = await p.user.create({ data: { email: `rbac-target-${tag}@example.org`, name: 'Target', role: 'CONTRIBUTOR', active: false }, select: { id: true } });
  const media = await p.media.create({
    data: { fileName: `${tag}${'0'.repeat(56)}.png`, mimeType: 'image/png', width: 10, height: 10, bytes: 100, alt: 'x', uploadedById: ownerId },
    select: { id: true },
  });
  const event = (slug: string) =>
    p.event.create({
      data: {
        slug: `${slug}-${tag}`,
        title: `Event ${slug}`,
        description: doc('Event'),
        mode: 'ONLINE',
        platform: 'Teams',
        registrationContact: 'Email us',
        sessions: { create: [{ startsAt: new Date('2031-02-01T10:00:00Z'), endsAt: new Date('2031-02-01T12:00:00Z') }] },
      },
      select: { id: true },
    });
  const [first, second, free] = [await event('first'), await event('second'), await event('free')];
  const eventListId = byKind('EVENT_LIST');
  await p.sectionEvent.createMany({ data: [{ sectionId: eventListId, eventId: first.id, position: 0 }, { sectionId: eventListId, eventId: second.id, position: 1 }] });
  const contribution = await p.contribution.create({
    data: { kind: 'ARTICLE', title: 'Partner news', body: doc('Partner news'), organisationId: org.id, submittedById: ownerId },
    select: { id: true },
  });
  const comment = await p.comment.create({ data: { sectionId: articleId, authorId: ownerId, body: 'Please check the dates.' }, select: { id: true } });
  const resolvedComment = await p.comment.create({
    data: { sectionId: articleId, authorId: ownerId, body: 'Fixed already.', resolvedAt: new Date(), resolvedById: ownerId },
    select: { id: true },
  });
  const notification = await p.notification.create({
    data: { userId: ownerId, kind: 'COMMENT', title: 'A comment', href: `/admin/issues/${issue.id}/sections/${articleId}#comment-${comment.id}` },
    select: { id: true },
  });
  return {
    commentId: comment.id,
    resolvedCommentId: resolvedComment.id,
    notificationId: notification.id,
    eventId: first.id,
    secondEventId: second.id,
    freeEventId: free.id,
    contributionId: contribution.id,
    issueId: issue.id,
    introId: byKind('INTRO'),
    articleId,
    eventListId,
    revisionId: revision.id,
    personId: person.id,
    otherPersonId: otherPerson.id,
    organisationId: org.id,
    otherOrganisationId: otherOrg.id,
    targetUserId: target.id,
    mediaId: media.id,
    ownerId,
  };
}

type Outcome = 'allowed' | 'denied' | { unexpected: string };

async function call(c: Case, actor: SessionUser | null, input: Input): Promise<Outcome> {
  session.user = actor;
  const fn = actions.get(c.file)!;
  try {
    const result = await fn(undefined, input);
    if (result.status === 'success') return 'allowed';
    if (result.code === 401 || result.code === 403 || result.code === 404) return 'denied';
    return { unexpected: `${result.code}: ${result.message}` };
  } catch (error) {
    // redirect() after a successful mutation.
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return 'allowed';
    return { unexpected: `threw ${(error as Error).message}` };
  } finally {
    session.user = null;
  }
}

const auditCount = (actorId?: string) => testDb.prisma.auditLog.count(actorId ? { where: { actorId } } : undefined);

describe('every server action is in this matrix', () => {
  it('has a case for every file in lib/actions', async () => {
    const root = path.resolve('lib/actions');
    const all = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts'));
    // A server-action module is one with the 'use server' directive; helpers next to them are not.
    const files: string[] = [];
    for (const f of all) {
      const source = await readFile(path.join(root, f), 'utf8');
      if (/^\s*['"]use server['"]/.test(source)) files.push(f.split(path.sep).join('/').replace(/\.ts$/, ''));
    }
    // Several cases may share a file ('#' variants): count the distinct files.
    const covered = new Set(CASES.map((c) => c.file.split('#')[0]));
    expect(files.length).toBeGreaterThanOrEqual(covered.size);
    expect(files.filter((f) => !covered.has(f)), 'actions without an RBAC case').toEqual([]);
  });
});

describe('RBAC matrix through the real server actions', () => {
  it('allows exactly the expected roles, on their own and on others’ records', async () => {
    let pairs = 0;
    const unexpectedAllows: string[] = [];
    const unexpectedDenials: string[] = [];
    const broken: string[] = [];
    for (const c of CASES) {
      for (const role of ROLES) {
        for (const whose of ['own', 'other'] as const) {
          const actor = await makeUser(role);
          const owner = whose === 'own' ? actor.id : (await makeUser(role)).id;
          const input = await c.input(await makeRecords(owner));
          const expected = (whose === 'own' ? c.allowed : (c.allowedOnOthers ?? c.allowed)).includes(role);
          const before = await auditCount(actor.id);
          const outcome = await call(c, actor, input);
          pairs++;
          const label = `${c.file} as ${role} on ${whose} record`;
          if (typeof outcome === 'object') broken.push(`${label}: ${outcome.unexpected}`);
          else if (outcome === 'allowed' && !expected) unexpectedAllows.push(label);
          else if (outcome === 'denied' && expected) unexpectedDenials.push(label);
          // A refusal leaves no trace of a change.
          if (outcome === 'denied') expect(await auditCount(actor.id), `${label}: audit rows after a refusal`).toBe(before);
        }
      }
    }
    console.info(`RBAC matrix: ${pairs} (action, role, ownership) pairs; ${unexpectedAllows.length} unexpected allows; ${unexpectedDenials.length} unexpected denials`);
    expect(pairs).toBe(CASES.length * ROLES.length * 2);
    expect(broken).toEqual([]);
    expect(unexpectedAllows).toEqual([]);
    expect(unexpectedDenials).toEqual([]);
  });
});

describe('direct calls', () => {
  it('with no session: every action refuses with 401 and changes nothing', async () => {
    for (const c of CASES) {
      const owner = await makeUser('EDITOR');
      const input = await c.input(await makeRecords(owner.id));
      const before = await auditCount();
      session.user = null;
      const result = await actions.get(c.file)!(undefined, input);
      expect(result, c.file).toMatchObject({ status: 'error', code: 401 });
      expect(await auditCount(), c.file).toBe(before);
    }
  });

  it('from a deactivated account: every action refuses, even for an admin', async () => {
    for (const c of CASES) {
      const actor = await makeUser('ADMIN', false);
      const input = await c.input(await makeRecords(actor.id));
      expect(await call(c, actor, input), c.file).toBe('denied');
      expect(await auditCount(actor.id), c.file).toBe(0);
    }
  });

  it('with a record id that does not exist: 404 or a field error, never success', async () => {
    for (const c of CASES) {
      const actor = await makeUser('ADMIN');
      const records = await makeRecords(actor.id);
      const missing = randomUUID();
      const swapped = Object.fromEntries(
        Object.entries(records).map(([k, v]) => [k, k === 'ownerId' ? v : missing]),
      ) as Records;
      const input = await c.input(swapped);
      const usesIds = JSON.stringify(input instanceof FormData ? Object.fromEntries(input) : input).includes(missing);
      if (!usesIds) continue;
      session.user = actor;
      const result = await actions.get(c.file)!(undefined, input);
      session.user = null;
      expect(result.status, c.file).toBe('error');
      expect([400, 404], `${c.file}: ${result.message}`).toContain(result.code);
    }
  });
});

describe('mass assignment', () => {
  // Fields that exist on the records but are never the user's to set.
  const SMUGGLED = { sessionVersion: '99', createdById: '00000000-0000-4000-8000-000000000000', approvedById: '00000000-0000-4000-8000-000000000000', publishedAt: '2020-01-01T00:00:00Z', isAdmin: 'true' };

  it('every action rejects extra fields with 400, naming them, and changes nothing', async () => {
    for (const c of CASES) {
      const actor = await makeUser('ADMIN');
      const input = await c.input(await makeRecords(actor.id));
      let smuggled: Input;
      if (input instanceof FormData) {
        smuggled = new FormData();
        for (const [k, v] of input.entries()) smuggled.append(k, v);
        for (const [k, v] of Object.entries(SMUGGLED)) smuggled.set(k, v);
      } else {
        smuggled = { ...input, ...SMUGGLED };
      }
      session.user = actor;
      const result = await actions.get(c.file)!(undefined, smuggled);
      session.user = null;
      expect(result, c.file).toMatchObject({ status: 'error', code: 400 });
      expect(result.message, c.file).toMatch(/not allowed: .*sessionVersion/);
      expect(await auditCount(actor.id), c.file).toBe(0);
    }
  });

  it('the role and status of a record cannot be changed through a profile or content form', async () => {
    const actor = await makeUser('ADMIN');
    const records = await makeRecords(actor.id);
    session.user = actor;
    const profile = await actions.get('users/update-user-profile')!(undefined, { id: records.targetUserId, name: 'X', role: 'ADMIN', active: 'true' });
    const save = await actions.get('sections/save-section')!(undefined, { id: records.articleId, version: 1, title: 'T', body: doc('b'), status: 'PUBLISHED' });
    session.user = null;
    expect(profile).toMatchObject({ status: 'error', code: 400 });
    expect(save).toMatchObject({ status: 'error', code: 400 });
    const target = await testDb.prisma.user.findUniqueOrThrow({ where: { id: records.targetUserId }, select: { role: true, active: true, name: true } });
    expect(target).toEqual({ role: 'CONTRIBUTOR', active: false, name: 'Target' });
    const issue = await testDb.prisma.issue.findUniqueOrThrow({ where: { id: records.issueId }, select: { status: true } });
    expect(issue.status).toBe('DRAFT');
  });
});
