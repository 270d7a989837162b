import mjml2html from 'mjml';
import { formatMonth, formatSession } from '@/lib/dates';
import { assertHeaderSafe, escapeHtml, type EmailMessage } from '@/lib/email/messages';
import { registrationState, type RegistrationInput } from '@/lib/events/registration';
import { safeHref } from '@/lib/rich-text/links';
import { siteUrl, SITE_NAME } from '@/lib/site';
import { uniqueSlugs } from '@/lib/slug';
import { blocksToHtml, blocksToText, pickBlocks } from './rich-text';

// The email edition of an issue, from the same published snapshot as the page
// (decision 017): the intro (in full or its first paragraphs), the contents with a
// link to each section, and the upcoming events with dates, "Book by" and booking
// links. MJML makes the HTML that Outlook, Gmail and Apple Mail render alike, and
// validates it (strict: a template error fails the render, never a send). Text
// only, no images for layout, real headings, readable at 320 px and in dark mode,
// links without tracking parameters. Docs: docs/decisions/026-email-subscriptions.md.

export type EditionEvent = Omit<RegistrationInput, 'sessions'> & {
  title: string;
  slug: string;
  registrationUrl: string | null;
  sessions: { startsAt: Date; endsAt: Date; allDay: boolean }[];
};

export type EditionIssue = {
  slug: string;
  title: string;
  month: Date;
  summary: string | null;
  sections: { kind: 'INTRO' | 'ARTICLE' | 'EVENT_LIST'; title: string; body: unknown; events: { event: EditionEvent }[] }[];
};

export type IntroLength = { mode: 'full' } | { mode: 'first'; paragraphs: number };

export type EditionInput = {
  issue: EditionIssue;
  intro: IntroLength;
  /** The subscriber's signed links (lib/subscriptions/tokens.ts); a preview uses sample ones. */
  manageUrl: string;
  unsubscribeUrl: string;
  now: Date;
};

export type Edition = Omit<EmailMessage, 'to'> & { headers: Record<string, string> };

const INK = '#0b0c0c';
const BRAND = '#1d4f91';
const a = (href: string, label: string) => `<a href="${escapeHtml(href)}" style="color:${BRAND};text-decoration:underline;">${escapeHtml(label)}</a>`;

function upcomingEvents(issue: EditionIssue, now: Date) {
  const seen = new Set<string>();
  return issue.sections
    .filter((s) => s.kind === 'EVENT_LIST')
    .flatMap((s) => s.events.map((e) => e.event))
    .filter((e) => !seen.has(e.slug) && seen.add(e.slug))
    .map((event) => ({ event, state: registrationState(event, now) }))
    .filter(({ state }) => state.kind !== 'ended');
}

const DARK_MODE = `
  :root { color-scheme: light dark; supported-color-schemes: light dark; }
  @media (prefers-color-scheme: dark) {
    body, .edition-body, .edition-body div, .edition-body table { background-color: #121212 !important; }
    .edition-body h1, .edition-body h2, .edition-body h3, .edition-body h4, .edition-body p, .edition-body li, .edition-body td { color: #f3f2f1 !important; }
    .edition-body a { color: #8fb8ff !important; }
  }
`;

export async function renderEdition(input: EditionInput): Promise<Edition> {
  const { issue, now } = input;
  const issueUrl = `${siteUrl()}/issues/${issue.slug}`;
  const anchors = uniqueSlugs(issue.sections.map((s) => s.title));
  const intro = issue.sections.find((s) => s.kind === 'INTRO');
  const introBlocks = intro ? pickBlocks(intro.body, input.intro.mode === 'first' ? input.intro.paragraphs : undefined) : [];
  const introCut = intro ? pickBlocks(intro.body).length > introBlocks.length : false;
  const introHref = intro ? `${issueUrl}#${anchors[issue.sections.indexOf(intro)]}` : issueUrl;
  const events = upcomingEvents(issue, now);
  const subject = assertHeaderSafe(issue.title, 'subject');
  const month = formatMonth(issue.month);

  const contents = issue.sections.map((s, i) => `<li style="margin:0 0 8px;">${a(`${issueUrl}#${anchors[i]}`, s.title)}</li>`).join('');
  const eventHtml = events
    .map(({ event, state }) => {
      const booking = safeHref(event.registrationUrl);
      const bookUrl = booking?.startsWith('https:') ? booking : null;
      return [
        `<h3 style="margin:24px 0 4px;font-size:18px;line-height:1.3;">${a(`${siteUrl()}/events/${event.slug}`, event.title)}</h3>`,
        ...event.sessions.map((s) => `<p style="margin:0 0 4px;">${escapeHtml(formatSession(s))}</p>`),
        `<p style="margin:0 0 4px;"><strong>${escapeHtml(state.label)}</strong></p>`,
        bookUrl && (state.kind === 'open' || state.kind === 'closing-soon') ? `<p style="margin:0 0 16px;">${a(bookUrl, `Book a place on ${event.title}`)}</p>` : '',
      ].join('');
    })
    .join('');

  const text = (s: string) => `<mj-text padding="0 24px" css-class="edition-text">${s}</mj-text>`;
  const mjml = `<mjml lang="en" dir="ltr">
  <mj-head>
    <mj-title>${escapeHtml(subject)}</mj-title>
    <mj-preview>${escapeHtml(issue.summary ?? `${SITE_NAME}, ${month}`)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="${INK}" />
    </mj-attributes>
    <mj-style>${DARK_MODE}</mj-style>
  </mj-head>
  <mj-body width="600px" background-color="#ffffff" css-class="edition-body">
    <mj-section background-color="${BRAND}" padding="16px 0">
      <mj-column>
        <mj-text padding="0 24px" color="#ffffff" font-size="20px" font-weight="bold">${escapeHtml(SITE_NAME)}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="24px 0 8px">
      <mj-column>
        ${text(`<h1 style="margin:0 0 8px;font-size:28px;line-height:1.25;">${escapeHtml(issue.title)}</h1><p style="margin:0 0 16px;">${escapeHtml(month)}</p>${issue.summary ? `<p style="margin:0 0 16px;">${escapeHtml(issue.summary)}</p>` : ''}`)}
        ${intro ? text(`<h2 style="margin:16px 0 8px;font-size:22px;line-height:1.3;">${escapeHtml(intro.title)}</h2>${blocksToHtml(introBlocks)}${introCut ? `<p style="margin:0 0 16px;">${a(introHref, `Read the rest of ${intro.title}`)}</p>` : ''}`) : ''}
        ${text(`<h2 style="margin:16px 0 8px;font-size:22px;line-height:1.3;">In this issue</h2><ol style="margin:0 0 16px;padding-left:24px;">${contents}</ol>`)}
        ${events.length ? text(`<h2 style="margin:16px 0 8px;font-size:22px;line-height:1.3;">Upcoming events</h2>${eventHtml}`) : ''}
        <mj-button href="${escapeHtml(issueUrl)}" background-color="${BRAND}" color="#ffffff" font-size="18px" font-weight="bold" align="left" padding="16px 24px">Read this issue online</mj-button>
      </mj-column>
    </mj-section>
    <mj-section border-top="1px solid #b1b4b6" padding="16px 0">
      <mj-column>
        ${text(`<p style="margin:0 0 8px;font-size:14px;">You get this email because you subscribed to ${escapeHtml(SITE_NAME)}.</p><p style="margin:0 0 8px;font-size:14px;">${a(input.manageUrl, 'Change what you get')} · ${a(input.unsubscribeUrl, 'Unsubscribe')} · ${a(`${siteUrl()}/privacy`, 'How we use your address')}</p>`)}
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  // validationLevel strict: MJML throws on invalid markup instead of sending it.
  const { html } = await mjml2html(mjml, { validationLevel: 'strict', keepComments: false });

  const textPart = [
    issue.title,
    month,
    ...(issue.summary ? ['', issue.summary] : []),
    ...(intro ? ['', intro.title.toUpperCase(), '', blocksToText(introBlocks), ...(introCut ? ['', `Read the rest: ${introHref}`] : [])] : []),
    '',
    'IN THIS ISSUE',
    '',
    ...issue.sections.map((s, i) => `${i + 1}. ${s.title}: ${issueUrl}#${anchors[i]}`),
    ...(events.length
      ? ['', 'UPCOMING EVENTS', ...events.flatMap(({ event, state }) => {
          const booking = safeHref(event.registrationUrl);
          return ['', event.title, ...event.sessions.map(formatSession), state.label, ...(booking?.startsWith('https:') && (state.kind === 'open' || state.kind === 'closing-soon') ? [`Book: ${booking}`] : []), `Details: ${siteUrl()}/events/${event.slug}`];
        })]
      : []),
    '',
    `Read this issue online: ${issueUrl}`,
    '',
    '--',
    `You get this email because you subscribed to ${SITE_NAME}.`,
    `Change what you get: ${input.manageUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
  ].join('\n');

  return {
    subject,
    html,
    text: textPart,
    headers: {
      // RFC 2369 and RFC 8058: mailbox providers show an unsubscribe button and POST to it.
      'List-Unsubscribe': `<${assertHeaderSafe(input.unsubscribeUrl, 'to')}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${SITE_NAME} <regional-update.${new URL(siteUrl()).hostname}>`,
      Precedence: 'bulk',
    },
  };
}
