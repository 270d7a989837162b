type Signatory = { name: string; jobTitle: string | null; organisation: { name: string } | null };

/** The sponsor's sign-off: "Kind regards", name, role and organisation. */
export function Signature({ signOff, signatory }: { signOff: string | null; signatory: Signatory }) {
  return (
    <footer className="mt-6 border-l-4 border-[var(--color-brand)] pl-4">
      {signOff && <p>{signOff}</p>}
      <p className="mt-1 text-lg font-bold">{signatory.name}</p>
      {(signatory.jobTitle || signatory.organisation) && (
        <p className="text-[var(--color-muted)]">
          {[signatory.jobTitle, signatory.organisation?.name].filter(Boolean).join(', ')}
        </p>
      )}
    </footer>
  );
}
