'use client';

import { useId, type ReactNode } from 'react';
import { RichTextField } from '@/components/admin/editor/rich-text-field';
import { describedBy, FieldChrome, inputClass } from '@/components/admin/forms/fields';
import { P, type ErrOf } from './form-classes';
import type { EventFormValues } from './form-values';
import { TopicCheckboxes } from './topic-checkboxes';

// "About the event" in both event forms: title, description, who it is for, the
// organiser and topics. The admin form puts its presenter picker among them.

export function AboutFieldset({
  values,
  set,
  err,
  organisations,
  organiser,
  topics,
  canInsertImage,
  presenters,
}: {
  values: EventFormValues;
  set: <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => void;
  err: ErrOf;
  organisations: { id: string; name: string }[];
  /** The organiser select's label and what choosing no organisation means. */
  organiser: { label: string; emptyLabel: string };
  topics: { id: string; name: string }[];
  canInsertImage: boolean;
  presenters?: ReactNode;
}) {
  const uid = useId();
  return (
    <section aria-labelledby={`${uid}-about`} className="space-y-6">
      <h2 id={`${uid}-about`} className="text-2xl font-bold">
        About the event
      </h2>
      <FieldChrome id={`${P}-title`} label="Title" error={err('title')}>
        <input
          id={`${P}-title`}
          name="title"
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          aria-invalid={err('title') ? true : undefined}
          aria-describedby={describedBy(`${P}-title`, false, err('title'))}
          className={inputClass}
        />
      </FieldChrome>
      {/* The editor keeps its own document; `values.description` is only where it starts. */}
      <RichTextField
        idPrefix={P}
        name="description"
        label="Description (optional)"
        hint="What the event is about and who is speaking"
        defaultValue={values.description}
        canInsertImage={canInsertImage}
        error={err('description')}
      />
      <FieldChrome id={`${P}-audience`} label="Who is it for? (optional)" hint="For example, Social workers and practice educators" error={err('audience')}>
        <input
          id={`${P}-audience`}
          name="audience"
          value={values.audience}
          onChange={(e) => set('audience', e.target.value)}
          aria-invalid={err('audience') ? true : undefined}
          aria-describedby={describedBy(`${P}-audience`, true, err('audience'))}
          className={inputClass}
        />
      </FieldChrome>
      <FieldChrome id={`${P}-organiserId`} label={organiser.label} error={err('organiserId')}>
        <select
          id={`${P}-organiserId`}
          name="organiserId"
          value={values.organiserId}
          onChange={(e) => set('organiserId', e.target.value)}
          aria-invalid={err('organiserId') ? true : undefined}
          aria-describedby={describedBy(`${P}-organiserId`, false, err('organiserId'))}
          className={inputClass}
        >
          <option value="">{organiser.emptyLabel}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </FieldChrome>
      {presenters}
      <TopicCheckboxes
        id={`${P}-topics`}
        idPrefix={P}
        topics={topics}
        selected={values.topicIds}
        onChange={(ids) => set('topicIds', ids)}
        error={err('topicIds')}
      />
    </section>
  );
}

/** Warnings (a register-by date after the last session, …) as you type; they never block saving. */
export function EventWarnings({ warnings, verb }: { warnings: string[]; verb: 'save' | 'submit' }) {
  const uid = useId();
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {warnings.length > 0 && (
        <section aria-labelledby={`${uid}-warnings`} className="border-l-8 border-amber-600 bg-amber-50 p-4">
          <h2 id={`${uid}-warnings`} className="text-lg font-bold">
            Check before you {verb}
          </h2>
          <p>You can still {verb} the event.</p>
          <ul className="mt-1 list-disc pl-6">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
