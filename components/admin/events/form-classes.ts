// Ids and classes shared by the event form's parts.
export const P = 'event';
export const BUTTON = 'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100';
export const PRIMARY = 'min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';
export const TIME_CLASS = 'mt-1 block min-h-11 w-28 rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700';

/** The error of a field by its form name, if the last submit reported one. */
export type ErrOf = (name: string) => string | undefined;
