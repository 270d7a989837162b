import { formatDate, formatTime } from '@/lib/dates';
import { CommentForm, type CommentTarget } from './comment-form';
import { ResolveForm } from './resolve-form';

// The review comments on a section or a submission: threads oldest first, each with
// its replies, the reply form and (for those who may) resolve / reopen. Every
// comment has the anchor `#comment-<id>` that notifications link to.

type Person = { id: string; name: string };
export type CommentView = {
  id: string;
  body: string;
  blocking: boolean;
  createdAt: Date;
  resolvedAt: Date | null;
  author: Person;
  resolvedBy: Person | null;
};
export type ThreadView = CommentView & { replies: CommentView[] };

const when = (d: Date) => `${formatDate(d)} at ${formatTime(d)}`;

function Tag({ children, tone }: { children: string; tone: 'red' | 'green' }) {
  const colours = tone === 'red' ? 'bg-red-100 text-red-900 border-red-800' : 'bg-green-100 text-green-900 border-green-800';
  return <strong className={`inline-block rounded border px-2 py-0.5 text-sm font-bold uppercase tracking-wide ${colours}`}>{children}</strong>;
}

function Meta({ c }: { c: CommentView }) {
  return (
    <p className="text-[var(--color-muted)]">
      <span className="font-bold text-[var(--color-ink)]">{c.author.name}</span>
      {', '}
      <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
    </p>
  );
}

export function CommentThreads({
  target,
  threads,
  canCreate,
  canResolve,
  headingLevel = 2,
}: {
  target: CommentTarget;
  threads: ThreadView[];
  canCreate: boolean;
  canResolve: boolean;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const unresolved = threads.filter((t) => !t.resolvedAt).length;
  const key = 'sectionId' in target ? target.sectionId : target.contributionId;
  return (
    <section id="comments" tabIndex={-1} aria-labelledby={`comments-heading-${key}`} className="mt-10 max-w-3xl border-t-2 border-gray-300 pt-6">
      <H id={`comments-heading-${key}`} className="text-2xl font-bold">
        Comments
      </H>
      <p className="mt-1 text-[var(--color-muted)]">
        {threads.length === 0
          ? 'No comments yet.'
          : `${threads.length} ${threads.length === 1 ? 'thread' : 'threads'}, ${unresolved} unresolved.`}
      </p>
      {threads.length > 0 && (
        <ol className="mt-4 space-y-6" aria-label="Comment threads">
          {threads.map((t) => {
            const label = `comment by ${t.author.name}, ${when(t.createdAt)}`;
            return (
              <li
                key={t.id}
                id={`comment-${t.id}`}
                tabIndex={-1}
                className={`scroll-mt-4 rounded border-2 p-4 target:outline target:outline-4 target:outline-[var(--color-focus)] ${t.resolvedAt ? 'border-gray-300 bg-gray-50' : 'border-gray-800 bg-white'}`}
              >
                <article aria-labelledby={`comment-${t.id}-heading`}>
                  <Sub id={`comment-${t.id}-heading`} className="flex flex-wrap items-center gap-2 text-lg font-bold">
                    <span>Comment from {t.author.name}</span>
                    {t.blocking && <Tag tone="red">Blocking</Tag>}
                    {t.resolvedAt && <Tag tone="green">Resolved</Tag>}
                  </Sub>
                  <Meta c={t} />
                  <p className="mt-2 whitespace-pre-line break-words">{t.body}</p>
                  {t.resolvedAt && (
                    <p className="mt-2 text-[var(--color-muted)]">
                      Resolved{t.resolvedBy ? ` by ${t.resolvedBy.name}` : ''} on <time dateTime={t.resolvedAt.toISOString()}>{when(t.resolvedAt)}</time>.
                    </p>
                  )}
                  {canResolve && <ResolveForm commentId={t.id} resolved={!!t.resolvedAt} label={label} />}
                </article>
                {t.replies.length > 0 && (
                  <ul className="mt-4 space-y-3 border-l-4 border-gray-300 pl-4" aria-label={`Replies to the ${label}`}>
                    {t.replies.map((r) => (
                      <li key={r.id} id={`comment-${r.id}`} tabIndex={-1} className="scroll-mt-4 target:outline target:outline-4 target:outline-[var(--color-focus)]">
                        <Meta c={r} />
                        <p className="mt-1 whitespace-pre-line break-words">{r.body}</p>
                      </li>
                    ))}
                  </ul>
                )}
                {canCreate && (
                  <details className="mt-4">
                    <summary className="inline-block min-h-11 cursor-pointer py-2 font-bold text-[var(--color-brand)] underline">
                      Reply<span className="sr-only"> to the {label}</span>
                    </summary>
                    <CommentForm target={target} parentId={t.id} idPrefix={`reply-${t.id}`} />
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canCreate && (
        <div className="mt-8">
          <Sub className="text-xl font-bold">Add a comment</Sub>
          <CommentForm target={target} canBlock={canResolve} idPrefix={`new-comment-${key}`} />
        </div>
      )}
    </section>
  );
}
