import 'server-only';
import { appUrl, assertHeaderSafe, type EmailMessage } from '@/lib/email/messages';
import { renderEdition, type EditionIssue, type IntroLength } from '@/lib/email/edition/render';
import { manageToken } from './tokens';

// One subscriber's copy of the edition: the same content, their own signed manage
// and unsubscribe links (also the List-Unsubscribe header). MJML takes ~0.1 s per
// render, so a send renders once with a placeholder for the token and fills it in
// per subscriber.

const PLACEHOLDER = 'SUBSCRIBERTOKENPLACEHOLDER';

export type EditionTemplate = Omit<EmailMessage, 'to'>;

export async function editionTemplate(issue: EditionIssue, intro: IntroLength, now = new Date()): Promise<EditionTemplate> {
  const e = await renderEdition({
    issue,
    intro,
    manageUrl: appUrl(`/subscriptions/${PLACEHOLDER}`),
    unsubscribeUrl: appUrl(`/api/subscriptions/${PLACEHOLDER}/unsubscribe`),
    now,
  });
  return { subject: e.subject, text: e.text, html: e.html, headers: e.headers };
}

/** The template with this subscriber's token in every link (tokens are URL- and HTML-safe). */
export function personalise(template: EditionTemplate, subscriber: { id: string; email: string; manageVersion: number }): EmailMessage {
  const token = manageToken(subscriber);
  const fill = (s: string) => s.replaceAll(PLACEHOLDER, token);
  return {
    to: assertHeaderSafe(subscriber.email, 'to'),
    subject: template.subject,
    text: fill(template.text),
    html: fill(template.html),
    headers: Object.fromEntries(Object.entries(template.headers ?? {}).map(([k, v]) => [k, fill(v)])),
  };
}

export async function editionFor(
  subscriber: { id: string; email: string; manageVersion: number },
  issue: EditionIssue,
  intro: IntroLength,
  now = new Date(),
): Promise<EmailMessage> {
  return personalise(await editionTemplate(issue, intro, now), subscriber);
}
