// The publish gate: an issue may be scheduled or published only when every item
// of this checklist is met. Pure: lib/data/workflow.ts loads the snapshot.
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { approvalState, type IntroApprovalFields } from './intro-hash';

/** `eventCount`: the events an EVENT_LIST features (0 for other kinds). */
export type GateSection = { id: string; title: string; kind: 'INTRO' | 'ARTICLE' | 'EVENT_LIST'; body: unknown; eventCount: number };
export type GateEvent = {
  id: string;
  title: string;
  sessionCount: number;
  registrationUrl: string | null;
  registrationContact: string | null;
  saveTheDate: boolean;
  description: unknown;
};
export type GateMedia = { fileName: string; alt: string; decorative: boolean };
export type GateComment = { id: string; sectionId: string; sectionTitle: string };

export type GateSnapshot = {
  issueId: string;
  /** Published: what fails here holds back the pending changes, not a first publish. */
  live: boolean;
  intro: (IntroApprovalFields & { id: string }) | null;
  sections: GateSection[];
  /** The events featured in the issue's event lists (each once). */
  events: GateEvent[];
  /** Library entries for the images the sections and events show (missing ones are absent). */
  media: GateMedia[];
  /** Unresolved blocking comments on the issue's sections. */
  blockingComments: GateComment[];
};

export type GateKey = 'intro-written' | 'intro-approved' | 'events-complete' | 'images-described' | 'no-blocking-comments' | 'no-empty-sections';
export type GateProblem = { message: string; href: string };
/** A blocking item holds back publishing; a warning only tells the editor. */
export type GateSeverity = 'blocking' | 'warning';
export type GateItem = {
  key: GateKey;
  label: string;
  severity: GateSeverity;
  met: boolean;
  message: string;
  href: string | null;
  problems: GateProblem[];
};
export type GateResult = { passed: boolean; items: GateItem[] };

export type ImageRef = { src: string; alt: string; fileName: string | null };

/** Every image node in a rich-text document, in document order. */
export function imageReferences(doc: unknown): ImageRef[] {
  const out: ImageRef[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 100) return;
    const n = node as { type?: unknown; attrs?: { src?: unknown; alt?: unknown }; content?: unknown };
    if (n.type === 'image') {
      const src = typeof n.attrs?.src === 'string' ? n.attrs.src : '';
      const alt = typeof n.attrs?.alt === 'string' ? n.attrs.alt : '';
      out.push({ src, alt, fileName: mediaFileName(src) });
    }
    if (Array.isArray(n.content)) for (const child of n.content) visit(child, depth + 1);
  };
  visit(doc, 0);
  return out;
}

/** "/media/abc.webp" → "abc.webp"; null for anything not served from the media library. */
export function mediaFileName(src: string): string | null {
  const m = /^\/media\/([^/?#]+)(?:[?#].*)?$/.exec(src);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/** The media file names a snapshot needs looked up. */
export function referencedMediaFiles(docs: unknown[]): string[] {
  const names = new Set<string>();
  for (const doc of docs) for (const ref of imageReferences(doc)) if (ref.fileName) names.add(ref.fileName);
  return [...names];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function item(key: GateKey, label: string, okMessage: string, problems: GateProblem[], summary: (n: number) => string, severity: GateSeverity = 'blocking'): GateItem {
  const met = problems.length === 0;
  return { key, label, severity, met, message: met ? okMessage : summary(problems.length), href: problems[0]?.href ?? null, problems };
}

/** True when a rich-text document has neither text nor an image: readers would see nothing. */
export function isBlankRichText(doc: unknown): boolean {
  return richTextToPlain(doc).trim() === '' && imageReferences(doc).length === 0;
}

/** A section readers would see as a bare heading: an article or intro with no content, an event list with no events. */
export function isEmptySection(s: Pick<GateSection, 'kind' | 'body' | 'eventCount'>): boolean {
  return s.kind === 'EVENT_LIST' ? s.eventCount === 0 : isBlankRichText(s.body);
}

export const EMPTY_INTRO_MESSAGE = 'The intro has no text. Write the intro before submitting it for the sponsor’s approval.';

export function publishGate(s: GateSnapshot): GateResult {
  const issueHref = `/admin/issues/${s.issueId}`;
  const sectionHref = (id: string) => `${issueHref}/sections/${id}`;
  const eventHref = (id: string) => `/admin/events/${id}`;

  const introWritten: GateProblem[] = s.intro && isBlankRichText(s.intro.body) ? [{ message: EMPTY_INTRO_MESSAGE, href: sectionHref(s.intro.id) }] : [];

  const introProblems: GateProblem[] = [];
  if (!s.intro) {
    introProblems.push({ message: 'The issue has no intro.', href: issueHref });
  } else {
    const state = approvalState(s.intro);
    const href = sectionHref(s.intro.id);
    if (state === 'changed-since-approval')
      introProblems.push({ message: s.live ? 'Intro changed since approval: ask the sponsor to approve it again.' : 'Intro changed since approval: submit it for approval again.', href });
    else if (state === 'pending') introProblems.push({ message: 'The intro is waiting for the sponsor’s approval.', href });
    else if (state === 'not-requested') introProblems.push({ message: 'The intro has not been submitted for sponsor approval.', href });
  }

  const eventProblems: GateProblem[] = [];
  for (const e of s.events) {
    const missing: string[] = [];
    if (e.sessionCount < 1) missing.push('a date');
    const hasRoute = !!e.registrationUrl?.trim() || !!e.registrationContact?.trim() || e.saveTheDate;
    if (!hasRoute) missing.push('a booking link or contact, or “save the date”');
    if (missing.length) eventProblems.push({ message: `“${e.title}” needs ${missing.join(' and ')}.`, href: eventHref(e.id) });
  }

  const media = new Map(s.media.map((m) => [m.fileName, m]));
  const imageProblems: GateProblem[] = [];
  const checkImages = (doc: unknown, where: string, href: string) => {
    for (const ref of imageReferences(doc)) {
      const entry = ref.fileName ? media.get(ref.fileName) : undefined;
      if (!entry) imageProblems.push({ message: `An image in ${where} is no longer in the media library.`, href });
      else if (!ref.alt.trim() && !entry.decorative) {
        imageProblems.push({ message: `An image in ${where} has no alt text and is not marked decorative.`, href });
      }
    }
  };
  for (const section of s.sections) checkImages(section.body, `“${section.title}”`, sectionHref(section.id));
  for (const e of s.events) checkImages(e.description, `the event “${e.title}”`, eventHref(e.id));

  const commentProblems = s.blockingComments.map((c) => ({
    message: `A blocking comment on “${c.sectionTitle}” is unresolved.`,
    href: `${sectionHref(c.sectionId)}#comment-${c.id}`,
  }));

  const emptyProblems = s.sections
    .filter((sec) => sec.kind !== 'INTRO' && isEmptySection(sec))
    .map((sec) => ({
      message: sec.kind === 'EVENT_LIST' ? `“${sec.title}” has no events.` : `“${sec.title}” has no text.`,
      href: sectionHref(sec.id),
    }));

  const noEvents = s.events.length === 0;
  const items: GateItem[] = [
    ...(introWritten.length ? [item('intro-written', 'The intro has text', '', introWritten, () => introWritten[0]!.message)] : []),
    item('intro-approved', 'Intro approved by the sponsor', 'The sponsor approved the intro as it is now.', introProblems, () => introProblems[0]!.message),
    noEvents
      ? item('events-complete', 'No events in this issue', '', [{ message: 'No events in this issue.', href: issueHref }], () => 'No events in this issue.', 'warning')
      : item('events-complete', 'Events have dates and a booking route', 'Every event has a date and a booking route or “save the date”.', eventProblems, (n) =>
          `${plural(n, 'event needs', 'events need')} a date or a booking route.`,
        ),
    item('images-described', 'Images have alt text', 'Every image has alt text or is marked decorative.', imageProblems, (n) =>
      `${plural(n, 'image needs', 'images need')} alt text or the decorative mark.`,
    ),
    item('no-blocking-comments', 'No unresolved blocking comments', 'No blocking comment is unresolved.', commentProblems, (n) =>
      `${plural(n, 'blocking comment is', 'blocking comments are')} unresolved.`,
    ),
    item('no-empty-sections', 'No empty sections', 'Every section has content.', emptyProblems, (n) =>
      `${plural(n, 'section is', 'sections are')} empty and will not be published.`,
    'warning'),
  ];
  return { passed: items.every((i) => i.met || i.severity === 'warning'), items };
}
