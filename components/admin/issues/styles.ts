export const FIELD = 'mt-1 block min-h-11 w-full max-w-xl rounded border-2 border-gray-800 px-2';
export const SELECT = 'mt-1 block min-h-11 rounded border-2 border-gray-800 bg-white px-2';
export const PRIMARY =
  'min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';
export const SECONDARY =
  'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100 disabled:opacity-50 aria-disabled:opacity-50';
export const DANGER = 'min-h-11 rounded bg-red-700 px-5 font-bold text-white hover:bg-red-800 disabled:opacity-70';
export const LINK = 'text-[var(--color-brand)] underline';
