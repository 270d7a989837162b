import type { ReactNode } from 'react';
import { RichText } from '@/components/rich-text';
import { bylineText, type BylineSource } from './byline';
import { Signature } from './signature';

export type IssueSectionData = BylineSource & {
  title: string;
  body: unknown;
  signOff: string | null;
  signatory: { name: string; jobTitle: string | null; organisation: { name: string } | null } | null;
};

/**
 * One section of an issue as readers see it: title, byline, text and sign-off.
 * Used by the public issue page, the admin issue preview and the section
 * editor's live preview, so all three look the same. `children` follow the text
 * (the issue page puts the section's events there).
 */
export function IssueSection({
  section,
  anchor,
  headingLevel = 2,
  className = 'mt-10 scroll-mt-4',
  children,
}: {
  section: IssueSectionData;
  anchor?: string;
  headingLevel?: 2 | 3;
  className?: string;
  children?: ReactNode;
}) {
  const byline = bylineText(section);
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={anchor} aria-label={anchor ? undefined : section.title} className={className}>
      <Heading id={anchor} className="text-2xl font-bold">
        {section.title}
      </Heading>
      {byline && <p className="mt-1 text-sm text-[var(--color-muted)]">By {byline}</p>}
      <RichText doc={section.body} headingOffset={headingLevel - 1} />
      {section.signatory && <Signature signOff={section.signOff} signatory={section.signatory} />}
      {children}
    </section>
  );
}
