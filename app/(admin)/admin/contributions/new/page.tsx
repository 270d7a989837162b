import type { Metadata } from 'next';
import { ArticleForm } from '@/components/admin/contributions/article-form';
import { EventSubmissionForm } from '@/components/admin/contributions/event-submission-form';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { bylineOrganisation, eventFormOptions } from '@/lib/data/contributions';
import { newKindSchema } from '@/lib/validation/contributions';

export const metadata: Metadata = { title: 'Submit an article or event' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const HEADING = { ARTICLE: 'Submit an article', EVENT: 'Submit an event' } as const;

export default async function NewContributionPage({ searchParams }: Props) {
  const user = await requireUser('/admin/contributions/new');
  if (!can(user, 'contribution:create')) return <AccessDenied what="the form for submitting articles and events" />;
  const kind = newKindSchema.parse((await searchParams).kind);
  const organisation = await bylineOrganisation(user);
  const heading = kind ? HEADING[kind] : 'Submit an article or event';
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/contributions', label: 'Contributions' },
          ...(kind ? [{ href: '/admin/contributions/new', label: 'Submit an article or event' }, { label: heading }] : [{ label: heading }]),
        ]}
      />
      <h1 className="text-3xl font-bold">{heading}</h1>
      {!organisation ? (
        <div className="mt-6 max-w-2xl border-l-8 border-amber-500 bg-amber-50 p-4">
          <p className="font-bold">Your account is not linked to an organisation.</p>
          <p className="mt-2">
            Submissions appear in the bulletin under your organisation’s name, so you cannot submit until an administrator adds your
            organisation to your account.
          </p>
        </div>
      ) : (
        <>
          <p className="mt-4 max-w-2xl">
            Your submission goes to the editor, who decides whether it goes into an issue of the bulletin. You can change or withdraw it
            until the editor has decided.
          </p>
          <p className="mt-4 max-w-2xl">
            <span className="font-bold">Byline:</span> {organisation.name}
            <span className="block text-[var(--color-muted)]">Your organisation is shown as the author of your submission.</span>
          </p>
          {!kind && <ChooseKind />}
          {kind === 'ARTICLE' && <ArticleForm canInsertImage={can(user, 'media:read')} />}
          {kind === 'EVENT' && <EventSubmissionForm options={await eventFormOptions(user)} canInsertImage={can(user, 'media:read')} />}
        </>
      )}
    </>
  );
}

/** GOV.UK radios in a GET form, so the choice works without JavaScript. */
function ChooseKind() {
  return (
    <form method="get" action="/admin/contributions/new" className="mt-8 max-w-2xl space-y-6">
      <fieldset>
        <legend className="text-xl font-bold">What would you like to submit?</legend>
        <div className="mt-3 space-y-3">
          <div className="flex items-start gap-3">
            <input id="kind-article" type="radio" name="kind" value="article" defaultChecked className="mt-1 size-6" aria-describedby="kind-article-hint" />
            <label htmlFor="kind-article">
              <span className="font-bold">An article</span>
              <span id="kind-article-hint" className="block text-[var(--color-muted)]">
                News, a service update or a practice story, with a title and text
              </span>
            </label>
          </div>
          <div className="flex items-start gap-3">
            <input id="kind-event" type="radio" name="kind" value="event" className="mt-1 size-6" aria-describedby="kind-event-hint" />
            <label htmlFor="kind-event">
              <span className="font-bold">An event</span>
              <span id="kind-event-hint" className="block text-[var(--color-muted)]">
                A conference, course or masterclass, with dates, where it happens and how to book
              </span>
            </label>
          </div>
        </div>
      </fieldset>
      <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
        Continue
      </button>
    </form>
  );
}
