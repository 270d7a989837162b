import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RefreshWhileSending, SendEditionForm } from '@/components/admin/editions/send-edition-form';
import { SendTestForm } from '@/components/admin/editions/send-test-form';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { editionSendsView, previewEdition } from '@/lib/data/editions';
import { formatDateTime } from '@/lib/dates';
import { INTRO_PARAGRAPH_CHOICES, introLengthSchema, toIntroLength } from '@/lib/validation/editions';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Email edition', robots: { index: false, follow: false } };

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** The email edition of an issue, as subscribers will get it: HTML (desktop and phone width) and text, and a test send. */
export default async function EmailEditionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/issues/${id}/email`);
  if (!isUuidParam(id)) notFound();
  if (!can(user, 'edition:send')) return <AccessDenied what="the email edition" />;
  const q = await searchParams;
  const parsed = introLengthSchema.safeParse({ intro: one(q.intro), paragraphs: one(q.paragraphs) });
  const choice = parsed.success ? parsed.data : { intro: 'full' as const, paragraphs: 2 };
  const preview = await previewEdition(user, id, toIntroLength(choice));
  if (!preview) notFound();
  const { issue, edition } = preview;
  const { recipients, sends } = await editionSendsView(user, issue.id);
  const running = sends.some((s) => s.progress.queued > 0);

  return (
    <>
      <p>
        <Link href={`/admin/issues/${issue.id}`} className="text-[var(--color-brand)] underline">
          Back to {issue.title}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">Email edition: {issue.title}</h1>
      <p className="mt-2 max-w-prose">
        Subject: <strong>{edition.subject}</strong>. This is the issue as it stands now{issue.status === 'PUBLISHED' ? '' : ', before publishing'}. The links to
        change or stop a subscription are samples here; each subscriber gets their own.
      </p>
      {!parsed.success && <p role="alert" className="mt-4 border-l-8 border-red-700 bg-red-50 p-3 font-bold">That choice was not valid, so the whole intro is shown.</p>}

      <form method="get" className="mt-6 max-w-2xl">
        <fieldset>
          <legend className="text-xl font-bold">How much of the intro</legend>
          <div className="mt-2 flex items-start gap-2">
            <input id="intro-full" type="radio" name="intro" value="full" defaultChecked={choice.intro === 'full'} className="mt-1 size-5" />
            <label htmlFor="intro-full">The whole intro</label>
          </div>
          <div className="mt-1 flex items-start gap-2">
            <input id="intro-first" type="radio" name="intro" value="first" defaultChecked={choice.intro === 'first'} className="mt-1 size-5" />
            <label htmlFor="intro-first">Its first paragraphs, with a link to the rest</label>
          </div>
          <label htmlFor="intro-paragraphs" className="mt-3 block font-bold">Paragraphs</label>
          <select id="intro-paragraphs" name="paragraphs" defaultValue={String(choice.paragraphs)} className="mt-1 min-h-11 rounded border-2 border-gray-800 bg-white px-2">
            {INTRO_PARAGRAPH_CHOICES.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </fieldset>
        <button type="submit" className="mt-4 min-h-11 rounded border-2 border-gray-800 bg-white px-5 font-bold hover:bg-gray-100">Show this version</button>
      </form>

      <h2 className="mt-10 text-2xl font-bold">Send a test</h2>
      <SendTestForm issueId={issue.id} intro={choice.intro} paragraphs={choice.paragraphs} email={user.email} />

      <h2 className="mt-10 text-2xl font-bold">Send to subscribers</h2>
      <RefreshWhileSending active={running} />
      {issue.status === 'PUBLISHED' ? (
        <SendEditionForm issueId={issue.id} intro={choice.intro} paragraphs={choice.paragraphs} recipients={recipients} sentBefore={sends.length > 0} />
      ) : (
        <p className="mt-2 max-w-prose">Publish the issue first: {recipients} confirmed subscribers will be able to get it then.</p>
      )}
      {sends.length > 0 && (
        <table className="mt-6 w-full max-w-3xl border-collapse text-left">
          <caption className="text-left font-bold">Sends of this issue{running ? ' (updating while it runs)' : ''}</caption>
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="py-2 pr-4">Started</th>
              <th scope="col" className="py-2 pr-4">Queued</th>
              <th scope="col" className="py-2 pr-4">Sent</th>
              <th scope="col" className="py-2 pr-4">Failed</th>
              <th scope="col" className="py-2 pr-4">Suppressed</th>
            </tr>
          </thead>
          <tbody>
            {sends.map((s) => (
              <tr key={s.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">{formatDateTime(s.createdAt)}{s.createdBy ? ` by ${s.createdBy.name}` : ''}</td>
                <td className="py-2 pr-4">{s.progress.queued}</td>
                <td className="py-2 pr-4">{s.progress.sent}</td>
                <td className="py-2 pr-4">{s.progress.failed}</td>
                <td className="py-2 pr-4">{s.progress.suppressed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="mt-10 text-2xl font-bold">HTML</h2>
      <div className="mt-4 flex flex-wrap items-start gap-6">
        <figure>
          <figcaption className="font-bold">Desktop (600 px)</figcaption>
          <iframe title="The email edition at 600 pixels wide" srcDoc={edition.html} sandbox="" className="mt-2 h-[900px] w-[640px] max-w-full border-2 border-gray-400 bg-white" />
        </figure>
        <figure>
          <figcaption className="font-bold">Phone (320 px)</figcaption>
          <iframe title="The email edition at 320 pixels wide" srcDoc={edition.html} sandbox="" className="mt-2 h-[900px] w-[320px] border-2 border-gray-400 bg-white" />
        </figure>
      </div>

      <h2 className="mt-10 text-2xl font-bold">Plain text</h2>
      <pre className="mt-4 max-w-full overflow-x-auto whitespace-pre-wrap rounded border-2 border-gray-400 bg-gray-50 p-4 text-sm">{edition.text}</pre>
    </>
  );
}
