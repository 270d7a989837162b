'use client';

import { useId } from 'react';
import { describedBy, ErrorText, FieldChrome, inputClass } from '@/components/admin/forms/fields';
import { EVENT_MODES, MODE_LABELS } from '@/lib/validation/events';
import { DateInput, dateErrorParts } from './date-input';
import { P, type ErrOf } from './form-classes';
import type { EventFormValues } from './form-values';

// Two fieldsets of the admin event form: where the event is and what it costs,
// and how to book. Controlled by the form's values.

type Props = {
  values: EventFormValues;
  set: <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => void;
  err: ErrOf;
};

export function WhereAndCostFieldset({ values, set, err }: Props) {
  const uid = useId();
  const online = values.mode === 'ONLINE' || values.mode === 'HYBRID';
  const inPerson = values.mode === 'IN_PERSON' || values.mode === 'HYBRID';
  return (
    <section aria-labelledby={`${uid}-where`} className="space-y-6">
      <h2 id={`${uid}-where`} className="text-2xl font-bold">
        Where and cost
      </h2>
      <div className={err('mode') ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <fieldset aria-describedby={err('mode') ? `${P}-mode-error` : undefined}>
          <legend className="font-bold">How will people attend?</legend>
          <ErrorText id={`${P}-mode-error`} error={err('mode')} />
          <div className="mt-1 space-y-1">
            {EVENT_MODES.map((m) => (
              <div key={m} className="flex min-h-11 items-center gap-3">
                <input
                  id={`${P}-mode-${m}`}
                  type="radio"
                  name="mode"
                  value={m}
                  checked={values.mode === m}
                  onChange={() => set('mode', m)}
                  className="h-6 w-6"
                />
                <label htmlFor={`${P}-mode-${m}`}>{MODE_LABELS[m]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {online && (
        <FieldChrome id={`${P}-platform`} label="Online platform" hint="For example, Microsoft Teams" error={err('platform')}>
          <input
            id={`${P}-platform`}
            name="platform"
            value={values.platform}
            onChange={(e) => set('platform', e.target.value)}
            aria-invalid={err('platform') ? true : undefined}
            aria-describedby={describedBy(`${P}-platform`, true, err('platform'))}
            className={inputClass}
          />
        </FieldChrome>
      )}
      {inPerson && (
        <>
          <FieldChrome id={`${P}-venueName`} label="Venue" hint="For example, The Lighthouse" error={err('venueName')}>
            <input
              id={`${P}-venueName`}
              name="venueName"
              value={values.venueName}
              onChange={(e) => set('venueName', e.target.value)}
              aria-invalid={err('venueName') ? true : undefined}
              aria-describedby={describedBy(`${P}-venueName`, true, err('venueName'))}
              className={inputClass}
            />
          </FieldChrome>
          <FieldChrome id={`${P}-venueAddress`} label="Venue address" error={err('venueAddress')}>
            <textarea
              id={`${P}-venueAddress`}
              name="venueAddress"
              rows={3}
              value={values.venueAddress}
              onChange={(e) => set('venueAddress', e.target.value)}
              aria-invalid={err('venueAddress') ? true : undefined}
              aria-describedby={describedBy(`${P}-venueAddress`, false, err('venueAddress'))}
              className={`${inputClass} py-2`}
            />
          </FieldChrome>
        </>
      )}
      <div className={err('isFree') ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <fieldset aria-describedby={err('isFree') ? `${P}-isFree-error` : undefined}>
          <legend className="font-bold">Is the event free?</legend>
          <ErrorText id={`${P}-isFree-error`} error={err('isFree')} />
          <div className="mt-1 space-y-1">
            {(['true', 'false'] as const).map((v) => (
              <div key={v} className="flex min-h-11 items-center gap-3">
                <input
                  id={`${P}-isFree-${v}`}
                  type="radio"
                  name="isFree"
                  value={v}
                  checked={values.isFree === v}
                  onChange={() => set('isFree', v)}
                  className="h-6 w-6"
                />
                <label htmlFor={`${P}-isFree-${v}`}>{v === 'true' ? 'Yes, it is free' : 'No, there is a cost'}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {values.isFree === 'false' && (
        <FieldChrome id={`${P}-cost`} label="Cost" hint="As it should appear, for example £95 per delegate" error={err('cost')}>
          <input
            id={`${P}-cost`}
            name="cost"
            value={values.cost}
            onChange={(e) => set('cost', e.target.value)}
            aria-invalid={err('cost') ? true : undefined}
            aria-describedby={describedBy(`${P}-cost`, true, err('cost'))}
            className={inputClass}
          />
        </FieldChrome>
      )}
    </section>
  );
}

export function BookingFieldset({ values, set, err }: Props) {
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-booking`} className="space-y-6">
      <h2 id={`${uid}-booking`} className="text-2xl font-bold">
        Booking
      </h2>
      <FieldChrome id={`${P}-registrationUrl`} label="Registration link (optional)" hint="Must start with https://" error={err('registrationUrl')}>
        <input
          id={`${P}-registrationUrl`}
          name="registrationUrl"
          type="url"
          inputMode="url"
          spellCheck={false}
          value={values.registrationUrl}
          onChange={(e) => set('registrationUrl', e.target.value)}
          aria-invalid={err('registrationUrl') ? true : undefined}
          aria-describedby={describedBy(`${P}-registrationUrl`, true, err('registrationUrl'))}
          className={inputClass}
        />
      </FieldChrome>
      <FieldChrome
        id={`${P}-registrationContact`}
        label="How else to book (optional)"
        hint="For example, an email address or “Request your space through the Teaching Partnership”"
        error={err('registrationContact')}
      >
        <input
          id={`${P}-registrationContact`}
          name="registrationContact"
          value={values.registrationContact}
          onChange={(e) => set('registrationContact', e.target.value)}
          aria-invalid={err('registrationContact') ? true : undefined}
          aria-describedby={describedBy(`${P}-registrationContact`, true, err('registrationContact'))}
          className={inputClass}
        />
      </FieldChrome>
      <DateInput
        id={`${P}-registrationOpens`}
        name="registrationOpens"
        legend="Registration opens (optional)"
        hint="Leave blank if booking is already open. For example, 27 3 2027"
        error={err('registrationOpens')}
        errorParts={err('registrationOpens') ? dateErrorParts(values.registrationOpens) : undefined}
        value={values.registrationOpens}
        onChange={(d) => set('registrationOpens', d)}
      />
      <DateInput
        id={`${P}-registrationDeadline`}
        name="registrationDeadline"
        legend="Register by (optional)"
        hint="The last day to book. For example, 27 3 2027"
        error={err('registrationDeadline')}
        errorParts={err('registrationDeadline') ? dateErrorParts(values.registrationDeadline) : undefined}
        value={values.registrationDeadline}
        onChange={(d) => set('registrationDeadline', d)}
      />
      <div>
        <div className="flex min-h-11 items-center gap-3">
          <input
            id={`${P}-saveTheDate`}
            name="saveTheDate"
            type="checkbox"
            value="true"
            checked={values.saveTheDate}
            onChange={(e) => set('saveTheDate', e.target.checked)}
            aria-describedby={`${P}-saveTheDate-hint`}
            className="h-6 w-6"
          />
          <label htmlFor={`${P}-saveTheDate`} className="font-bold">
            Save the date
          </label>
        </div>
        <p id={`${P}-saveTheDate-hint`} className="text-[var(--color-muted)]">
          Readers see “Save the date – registration opens soon” until registration opens.
        </p>
      </div>
    </section>
  );
}
