export const FIELD_CLASS = 'mt-1 block min-h-11 w-full max-w-xl rounded border-2 border-gray-800 px-2';
export const BUTTON_CLASS =
  'min-h-11 rounded bg-[var(--color-brand)] px-4 py-2 font-bold text-white hover:bg-[var(--color-brand-dark)] focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-[var(--color-focus)] disabled:opacity-60';
