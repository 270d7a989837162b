import Link from 'next/link';
import { CURRENT_WORDING, WORDINGS } from '@/lib/subscriptions/wording';
import { DIGEST_CHOICES, SUBSCRIBE_MESSAGES, type DigestChoice, type SubscribeErrorCode } from '@/lib/validation/subscriptions';

// The subscribe form: a plain HTML form posting to app/api/subscribe, so it works
// without JavaScript and on cached pages. Used in the footer of every public page,
// on the home page and on /subscribe (which shows it again after an error).

export const DIGEST_LABELS: Record<DigestChoice, string> = {
  none: 'No events digest',
  weekly: 'Weekly: upcoming events with their booking deadlines',
  monthly: 'Monthly: upcoming events with their booking deadlines',
};

export type SubscribeFormValues = { email?: string; newIssues?: boolean; eventsDigest?: DigestChoice };

const fieldOf = (code: SubscribeErrorCode | undefined) => (code?.startsWith('email') || code === 'domain' ? 'email' : code === 'streams' ? 'new-issues' : null);

export function SubscribeForm({
  idPrefix,
  heading = 'Get Regional Update by email',
  headingLevel = 2,
  error,
  values = {},
}: {
  idPrefix: string;
  heading?: string;
  headingLevel?: 2 | 3;
  error?: SubscribeErrorCode;
  values?: SubscribeFormValues;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = (name: string) => `${idPrefix}-${name}`;
  const wording = WORDINGS[CURRENT_WORDING];
  const field = fieldOf(error);
  const message = error ? SUBSCRIBE_MESSAGES[error] : undefined;
  const digest = values.eventsDigest ?? 'none';
  return (
    <section data-subscribe-form aria-labelledby={id('heading')} className="max-w-2xl">
      <Heading id={id('heading')} className="text-xl font-bold text-[var(--color-ink)]">
        {heading}
      </Heading>
      <p className="mt-2">{wording.summary}</p>
      <p className="mt-2">
        {wording.detail}{' '}
        <Link href="/privacy" className="underline">
          How we use your address
        </Link>
        .
      </p>
      {message && !field && (
        <p role="alert" id={id('error')} className="mt-4 border-l-8 border-red-700 bg-red-50 p-3 font-bold text-red-800">
          {message}
        </p>
      )}
      <form method="post" action="/api/subscribe" className="mt-4 space-y-4">
        <input type="hidden" name="wording" value={CURRENT_WORDING} />
        <div className={field === 'email' ? 'border-l-8 border-red-700 pl-3' : undefined}>
          <label htmlFor={id('email')} className="block font-bold">
            Email address
          </label>
          {field === 'email' && (
            <p id={id('email-error')} className="font-bold text-red-800">
              <span className="sr-only">Error: </span>
              {message}
            </p>
          )}
          <input
            id={id('email')}
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            maxLength={320}
            defaultValue={values.email}
            aria-invalid={field === 'email' ? true : undefined}
            aria-describedby={field === 'email' ? id('email-error') : undefined}
            className="mt-1 block min-h-11 w-full max-w-md rounded border-2 border-gray-800 bg-white px-2 text-black"
          />
        </div>
        <fieldset className={field === 'new-issues' ? 'border-l-8 border-red-700 pl-3' : undefined} aria-describedby={field === 'new-issues' ? id('streams-error') : undefined}>
          <legend className="font-bold">What would you like to get?</legend>
          {field === 'new-issues' && (
            <p id={id('streams-error')} className="font-bold text-red-800">
              <span className="sr-only">Error: </span>
              {message}
            </p>
          )}
          <div className="mt-2 flex items-start gap-2">
            <input id={id('new-issues')} name="newIssues" type="checkbox" defaultChecked={values.newIssues ?? true} className="mt-1 size-5" />
            <label htmlFor={id('new-issues')}>Each new issue, when it is published (monthly)</label>
          </div>
          <p className="mt-3">Upcoming events digest:</p>
          {DIGEST_CHOICES.map((choice) => (
            <div key={choice} className="mt-1 flex items-start gap-2">
              <input id={id(`digest-${choice}`)} name="eventsDigest" type="radio" value={choice} defaultChecked={digest === choice} className="mt-1 size-5" />
              <label htmlFor={id(`digest-${choice}`)}>{DIGEST_LABELS[choice]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
          Subscribe
        </button>
      </form>
    </section>
  );
}
