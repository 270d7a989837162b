import type { Metadata } from 'next';
import { SubscribeForm } from '@/components/subscribe-form';
import { pageAlternates } from '@/lib/site';
import { DIGEST_CHOICES, SUBSCRIBE_MESSAGES, type DigestChoice, type SubscribeErrorCode } from '@/lib/validation/subscriptions';

// Where the subscribe forms come back to after an error (app/api/subscribe), with
// the message and what was typed. Also a page of its own to link to.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Get Regional Update by email', alternates: pageAlternates('/subscribe') };

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function SubscribePage({ searchParams }: { searchParams: Promise<Query> }) {
  const q = await searchParams;
  const code = one(q.error);
  const error = code && Object.hasOwn(SUBSCRIBE_MESSAGES, code) ? (code as SubscribeErrorCode) : undefined;
  const digest = one(q.eventsDigest);
  const values = error
    ? {
        email: one(q.email)?.slice(0, 320),
        newIssues: one(q.newIssues) === 'on',
        eventsDigest: DIGEST_CHOICES.includes(digest as DigestChoice) ? (digest as DigestChoice) : undefined,
      }
    : {};
  return (
    <>
      <h1 className="text-3xl font-bold">Get Regional Update by email</h1>
      {error && ['streams', 'domain'].concat(Object.keys(SUBSCRIBE_MESSAGES).filter((c) => c.startsWith('email'))).includes(error) && (
        <div id="subscribe-error" tabIndex={-1} role="alert" className="mt-6 max-w-2xl border-l-8 border-red-700 bg-red-50 p-4">
          <h2 className="text-lg font-bold">There is a problem</h2>
          <p>
            <a href={error === 'streams' ? '#subscribe-new-issues' : '#subscribe-email'} className="text-red-800 underline">
              {SUBSCRIBE_MESSAGES[error]}
            </a>
          </p>
        </div>
      )}
      <div className="mt-6">
        <SubscribeForm idPrefix="subscribe" heading="Subscribe" error={error} values={values} />
      </div>
    </>
  );
}
