import type { Metadata } from 'next';
import { FieldChrome } from '@/components/admin/forms/fields';
import { ChangesSinceApproval } from '@/components/admin/workflow/changes-since-approval';
import { IssueSection } from '@/components/issue/issue-section';
import { getApprovalLinkView, type LinkProblem } from '@/lib/data/access-links';
import { SITE_NAME } from '@/lib/site';
import { formatDateTime } from '@/lib/dates';

// The sponsor's approval link: the intro as readers will see it and the two
// decisions, posted to app/api/approve/[token]. Nothing else of the admin.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Approve the intro',
  robots: { index: false, follow: false, nocache: true },
  referrer: 'no-referrer',
};

const PROBLEMS: Record<LinkProblem, { heading: string; text: string }> = {
  invalid: { heading: 'This approval link does not work', text: 'Check that you used the whole link from the email. If it still does not work, ask the editor to send a new one.' },
  expired: { heading: 'This approval link has expired', text: 'Approval links work for 7 days. Ask the editor to send you a new one.' },
  revoked: { heading: 'This approval link has been withdrawn', text: 'The editor cancelled it. If the intro still needs your approval, they will send a new link.' },
  used: { heading: 'This approval link has already been used', text: 'Your decision was recorded, and the link cannot be used again. If something else needs to change, contact the editor.' },
};

const DONE = {
  approved: { heading: 'Thank you: you approved the intro', text: 'The editor has been told. If the intro is edited again, you will be asked to approve it again.' },
  'changes-requested': { heading: 'Thank you: your comment was sent', text: 'The editor has been told what needs to change and will send the intro back to you.' },
} as const;

const ERRORS: Record<string, string> = {
  comment: 'Enter a comment saying what needs to change.',
  conflict: 'The intro changed while you were reading it, or is no longer waiting for approval. Read the current text below before you decide.',
  invalid: 'Something in the form was not right. Try again.',
};


function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="bg-[var(--color-brand)] text-white">
        <p className="mx-auto max-w-3xl px-4 py-4 text-2xl font-bold">{SITE_NAME}</p>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
    </>
  );
}

export default async function ApprovalLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const { token } = await params;
  const { done, error } = await searchParams;
  const view = await getApprovalLinkView(token);
  if (!view.ok) {
    const finished = view.problem === 'used' && (done === 'approved' || done === 'changes-requested') ? DONE[done] : null;
    const p = finished ?? PROBLEMS[view.problem];
    return (
      <Shell>
        <h1 className="text-3xl font-bold">{p.heading}</h1>
        <p className="mt-4 max-w-2xl">{p.text}</p>
      </Shell>
    );
  }
  const { issue, intro } = view;
  const { waiting, live } = view;
  const action = `/api/approve/${encodeURIComponent(token)}`;
  const errorText = error ? (ERRORS[error] ?? ERRORS.invalid) : null;

  return (
    <Shell>
      <h1 className="text-3xl font-bold">Approve your intro to {issue.title}</h1>
      <p className="mt-2">
        {view.sponsorName ? `For ${view.sponsorName}. ` : ''}This link works once, until {formatDateTime(view.expiresAt)}.
      </p>
      {errorText && (
        <div role="alert" className="mt-6 border-l-8 border-red-700 bg-red-50 p-4">
          <h2 className="text-lg font-bold">There is a problem</h2>
          <p>
            {error === 'comment' ? (
              <a href="#comment" className="text-red-800 underline">
                {errorText}
              </a>
            ) : (
              errorText
            )}
          </p>
        </div>
      )}
      {live && waiting && (
        <p className="mt-4 max-w-2xl border-l-8 border-[var(--color-brand)] bg-gray-100 p-4">
          This issue is already published, and the intro was edited after you approved it. Readers keep seeing the version you approved until you
          approve this one and the editor publishes the changes. If you ask for changes, the issue stays published as it is.
        </p>
      )}
      <ChangesSinceApproval changes={view.changes} />
      <h2 className="mt-6 text-xl font-bold">The intro as readers will see it</h2>
      <div className="mt-2 rounded border-2 border-gray-400 p-4">
        <IssueSection section={intro} headingLevel={3} className="" />
      </div>
      {waiting ? (
        <div className="mt-8 grid gap-8 md:grid-cols-2">
          <section aria-labelledby="approve-heading">
            <h2 id="approve-heading" className="text-xl font-bold">Approve</h2>
            <p className="mb-3">You approve this exact text. If anyone edits it later, it needs your approval again.</p>
            <form method="post" action={action}>
              <input type="hidden" name="decision" value="approve" />
              <input type="hidden" name="contentHash" value={view.contentHash} />
              <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
                Approve
              </button>
            </form>
          </section>
          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading" className="text-xl font-bold">Request changes</h2>
            <form method="post" action={action} className="space-y-3">
              <input type="hidden" name="decision" value="request-changes" />
              <FieldChrome id="comment" label="What needs to change?" error={error === 'comment' ? ERRORS.comment : undefined}>
                <textarea
                  id="comment"
                  name="comment"
                  rows={5}
                  maxLength={5000}
                  aria-invalid={error === 'comment' ? true : undefined}
                  aria-describedby={error === 'comment' ? 'comment-error' : undefined}
                  className="mt-1 block w-full rounded border-2 border-gray-800 bg-white p-2"
                />
              </FieldChrome>
              <button type="submit" className="min-h-11 rounded border-2 border-gray-800 bg-white px-5 font-bold text-gray-900 hover:bg-gray-100">
                Request changes
              </button>
            </form>
          </section>
        </div>
      ) : (
        <p className="mt-8 border-l-8 border-gray-500 bg-gray-100 p-4">The intro is not waiting for approval now, so there is nothing to decide.</p>
      )}
    </Shell>
  );
}
