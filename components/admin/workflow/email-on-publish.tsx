import { ErrorText } from '@/components/admin/forms/fields';
import { fieldError, type ActionState } from '@/lib/actions/state';
import { INTRO_PARAGRAPH_CHOICES } from '@/lib/validation/editions';

/** What the panel knows to offer emailing on publish (lib/data/editions.ts emailOnPublishView); the date already formatted. */
export type EmailOffer = { recipients: number; lastSend: { when: string; recipients: number } | null };

const subscribers = (n: number) => `${n} confirmed ${n === 1 ? 'subscriber' : 'subscribers'}`;

/**
 * "Email this issue to the N confirmed subscribers" beside Publish now and
 * Schedule (decision 026). Ticked by default for an issue never sent; for one sent
 * before it starts unticked and says when and to how many, so publishing again
 * never sends again silently. With the box, how much of the intro the email has.
 */
export function EmailOnPublishFields({ idPrefix, offer, state }: { idPrefix: string; offer: EmailOffer; state: ActionState<unknown> }) {
  const boxId = `${idPrefix}-email`;
  const error = fieldError(state, 'email') ?? fieldError(state, 'again');
  const introError = fieldError(state, 'intro') ?? fieldError(state, 'paragraphs');
  const { lastSend } = offer;
  // After a refused submit (a mistyped date, say) the editor's own choice stays: a box
  // they unticked must not come back ticked and email everyone on the next try.
  const kept = state.status === 'error' ? state.values : undefined;
  const checked = kept ? kept.email === 'on' || kept.email === 'again' : !lastSend;
  const intro = kept?.intro === 'first' ? 'first' : 'full';
  const paragraphs = kept && typeof kept.paragraphs === 'string' && kept.paragraphs ? kept.paragraphs : '2';
  return (
    <fieldset key={kept ? `kept-${checked}-${intro}-${paragraphs}` : 'fresh'} className="max-w-2xl space-y-3">
      <legend className="font-bold">Email to subscribers</legend>
      <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <ErrorText id={`${boxId}-error`} error={error} />
        <div className="flex items-start gap-3">
          <input
            id={boxId}
            type="checkbox"
            name="email"
            value={lastSend ? 'again' : 'on'}
            defaultChecked={checked}
            aria-describedby={error ? `${boxId}-error` : undefined}
            className="mt-1 size-6"
          />
          <label htmlFor={boxId}>
            {lastSend ? (
              <>
                Send it again: email this issue to the {subscribers(offer.recipients)}. It was sent on {lastSend.when} to{' '}
                {lastSend.recipients === 1 ? '1 subscriber' : `${lastSend.recipients} subscribers`}, and everyone will get it a second time.
              </>
            ) : offer.recipients === 0 ? (
              <>Email this issue to its confirmed subscribers (there are none yet; anyone who confirms before it is published gets it)</>
            ) : (
              <>Email this issue to the {subscribers(offer.recipients)}</>
            )}
          </label>
        </div>
      </div>
      <fieldset className={introError ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <legend>How much of the intro the email has</legend>
        <ErrorText id={`${idPrefix}-intro-error`} error={introError} />
        <div className="mt-1 flex items-start gap-2">
          <input id={`${idPrefix}-intro-full`} type="radio" name="intro" value="full" defaultChecked={intro === 'full'} className="mt-1 size-5" />
          <label htmlFor={`${idPrefix}-intro-full`}>The whole intro</label>
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input id={`${idPrefix}-intro-first`} type="radio" name="intro" value="first" defaultChecked={intro === 'first'} className="size-5" />
          <label htmlFor={`${idPrefix}-intro-first`}>Its first paragraphs, with a link to the rest:</label>
          <label htmlFor={`${idPrefix}-intro-paragraphs`} className="sr-only">
            Number of paragraphs
          </label>
          <select id={`${idPrefix}-intro-paragraphs`} name="paragraphs" defaultValue={paragraphs} className="min-h-11 rounded border-2 border-gray-800 bg-white px-2">
            {INTRO_PARAGRAPH_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </fieldset>
  );
}
