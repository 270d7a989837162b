import 'server-only';
import { appUrl, assertHeaderSafe, type EmailMessage } from '@/lib/email/messages';
import { renderEdition, type EditionIssue, type IntroLength } from '@/lib/email/edition/render';
import { manageToken } from './tokens';

// One subscriber's copy of the edition: the same content, their own signed manage
// and unsubscribe links (also the List-Unsubscribe header).

export async function editionFor(
  subscriber: { id: string; email: string; manageVersion: number },
  issue: EditionIssue,
  intro: IntroLength,
  now = new Date(),
): Promise<EmailMessage> {
  const token = manageToken(subscriber);
  const edition = await renderEdition({
    issue,
    intro,
    manageUrl: appUrl(`/subscriptions/${token}`),
    unsubscribeUrl: appUrl(`/api/subscriptions/${token}/unsubscribe`),
    now,
  });
  return { to: assertHeaderSafe(subscriber.email, 'to'), subject: edition.subject, text: edition.text, html: edition.html, headers: edition.headers };
}
