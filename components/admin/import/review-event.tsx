'use client';

import { FieldChrome, SelectField, TextField, describedBy, inputClass } from '@/components/admin/forms/fields';
import { fieldError, keptValue, type ActionState } from '@/lib/actions/state';
import { formatSession } from '@/lib/dates';
import type { DraftEvent } from '@/lib/import/types';
import { Flags } from './flags';
import { FromLines } from './source-view';

const MODES = [
  { value: 'ONLINE', label: 'Online' },
  { value: 'IN_PERSON', label: 'In person' },
  { value: 'HYBRID', label: 'Hybrid (online and in person)' },
];
const PRICES = [
  { value: 'free', label: 'Free' },
  { value: 'cost', label: 'Has a cost' },
];

/** One event the importer found: its core fields editable, its sessions and text shown as read. */
export function ReviewEvent({ event, name, number, state }: { event: DraftEvent; name: string; number: string; state: ActionState<unknown> }) {
  const field = (f: string, saved: string | null) => ({
    idPrefix: 'import',
    name: `${name}.${f}`,
    defaultValue: keptValue(state, `${name}.${f}`, saved),
    error: fieldError(state, `${name}.${f}`),
  });
  const presentersId = `import-${name}.presenters`;
  const presentersError = fieldError(state, `${name}.presenters`);
  return (
    <fieldset className="mt-4 rounded border-2 border-gray-400 p-4">
      <legend className="px-1 text-lg font-bold">Event {number}: {event.title}</legend>
      <FromLines lines={event.lines} />
      <Flags flags={event.flags} label={`event ${number}`} />
      <div className="mt-3 space-y-4">
        <TextField {...field('title', event.title)} label="Event title" />
        <SelectField {...field('price', event.isFree ? 'free' : 'cost')} label="Price" options={PRICES} />
        <TextField {...field('cost', event.cost)} label="Cost" hint="Only when the event is not free, as written (“£25 + VAT”)." />
        <SelectField {...field('mode', event.mode)} label="How people attend" options={MODES} />
        <TextField {...field('platform', event.platform)} label="Online platform" hint="For an online or hybrid event (“Microsoft Teams”)." />
        <TextField {...field('venueName', event.venueName)} label="Venue" hint="For an in-person or hybrid event." />
        <TextField {...field('venueAddress', event.venueAddress)} label="Venue address" />
        <TextField {...field('audience', event.audience)} label="Audience" />
        <TextField {...field('registrationDeadline', event.registrationDeadline)} type="date" label="Register by" hint="Leave empty when there is no deadline." />
        <FieldChrome id={presentersId} label="Presenters" hint="One name a line. Each is linked to a person only when exactly one person has that name." error={presentersError}>
          <textarea
            id={presentersId}
            name={`${name}.presenters`}
            rows={Math.max(2, event.presenters.length)}
            defaultValue={keptValue(state, `${name}.presenters`, event.presenters.join('\n'))}
            aria-invalid={presentersError ? true : undefined}
            aria-describedby={describedBy(presentersId, true, presentersError)}
            className={`${inputClass} py-1`}
          />
        </FieldChrome>
      </div>
      <h4 id={`import-${name}-sessions`} className="mt-4 font-bold">Sessions</h4>
      {event.sessions.length === 0 ? (
        <p>No dates were found. Add the sessions in the event after creating the draft.</p>
      ) : (
        <ul aria-labelledby={`import-${name}-sessions`} className="list-disc pl-6">
          {event.sessions.map((s, i) => (
            <li key={i}>
              {formatSession({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), allDay: s.allDay })}
              {s.label ? ` (${s.label})` : ''}
            </li>
          ))}
        </ul>
      )}
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {event.presenterOrganisation && (<><dt className="font-bold">Presenters from</dt><dd>{event.presenterOrganisation}</dd></>)}
        {event.registrationContact && (<><dt className="font-bold">Booking</dt><dd>{event.registrationContact}</dd></>)}
        <dt className="font-bold">Save the date</dt><dd>{event.saveTheDate ? 'Yes, registration opens later' : 'No'}</dd>
      </dl>
      {event.description.length > 0 && (
        <>
          <h4 className="mt-3 font-bold">Description</h4>
          {event.description.map((p, i) => <p key={i} className="mt-1">{p}</p>)}
        </>
      )}
    </fieldset>
  );
}
