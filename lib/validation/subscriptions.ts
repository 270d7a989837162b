import { z } from 'zod';
import { CURRENT_WORDING, WORDING_VERSIONS } from '@/lib/subscriptions/wording';

// The public subscription forms (footer, home page, /subscribe, manage page) and
// their route handlers. Plain HTML forms: a ticked checkbox sends "on", an
// unticked one sends nothing.

/** Each message has a code, so a form that redirects (no JavaScript) can say which one. */
export const SUBSCRIBE_MESSAGES = {
  'email-missing': 'Enter your email address',
  'email-format': 'Enter an email address in the correct format, like name@example.org',
  'email-long': 'Email address must be 254 characters or fewer',
  'email-lines': 'Email address must be on one line, with no line breaks or hidden characters',
  streams: 'Choose at least one thing to receive: each new issue, or a weekly or monthly events digest',
  form: 'Something in the form was not right. Try again.',
  domain: 'Subscriptions are open to addresses at the member organisations only.',
  throttled: 'You have asked too many times. Wait an hour, then try again.',
  unavailable: 'Sorry, something went wrong on our side and nothing was changed. Try again in a few minutes.',
} as const;

export type SubscribeErrorCode = keyof typeof SUBSCRIBE_MESSAGES;

const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** An address as stored: trimmed and lower case (one address, one subscriber), never a header break. */
export const subscriberEmail = z
  .string({ error: SUBSCRIBE_MESSAGES['email-missing'] })
  .refine((v) => !CONTROL.test(v), SUBSCRIBE_MESSAGES['email-lines'])
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, SUBSCRIBE_MESSAGES['email-missing'])
      .max(254, SUBSCRIBE_MESSAGES['email-long'])
      .pipe(z.email({ message: SUBSCRIBE_MESSAGES['email-format'] })),
  );

export const DIGEST_CHOICES = ['none', 'weekly', 'monthly'] as const;
export type DigestChoice = (typeof DIGEST_CHOICES)[number];

const streams = {
  newIssues: z.literal('on', { error: SUBSCRIBE_MESSAGES.form }).optional().transform((v) => v === 'on'),
  eventsDigest: z.enum(DIGEST_CHOICES, { error: SUBSCRIBE_MESSAGES.form }).default('none'),
};

const atLeastOne = (v: { newIssues: boolean; eventsDigest: DigestChoice }) => v.newIssues || v.eventsDigest !== 'none';

export const subscribeSchema = z
  .object({
    email: subscriberEmail,
    ...streams,
    // The wording the reader was shown (a cached page may show the previous one).
    wording: z.enum(WORDING_VERSIONS, { error: SUBSCRIBE_MESSAGES.form }).default(CURRENT_WORDING),
  })
  .strict()
  .refine(atLeastOne, { message: SUBSCRIBE_MESSAGES.streams, path: ['newIssues'] });

export const preferencesSchema = z.object(streams).strict().refine(atLeastOne, { message: SUBSCRIBE_MESSAGES.streams, path: ['newIssues'] });

export const confirmTokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }).strict();

export const unsubscribeBodySchema = z
  .union([
    // RFC 8058: what a mailbox provider posts.
    z.object({ 'List-Unsubscribe': z.literal('One-Click') }).strict(),
    // The confirmation button on the unsubscribe page.
    z.object({ confirm: z.literal('yes') }).strict(),
  ]);

/** The first message's code, for a redirect back to the form. */
export function subscribeErrorCode(error: z.ZodError): SubscribeErrorCode {
  const first = error.issues[0]?.message;
  const found = (Object.entries(SUBSCRIBE_MESSAGES) as [SubscribeErrorCode, string][]).find(([, m]) => m === first);
  return found?.[0] ?? 'form';
}
