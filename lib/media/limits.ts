// Upload limits, shared by lib/media/process.ts (which enforces them) and the
// upload form (which states them). No server-only imports: safe in client code.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The upload form's message for a file over MAX_UPLOAD_BYTES, said the same way by the browser's check and the server's. */
export function fileTooLargeMessage(size: number): string {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return `The file is larger than ${mb(MAX_UPLOAD_BYTES)} (it is ${mb(size)}). Choose a smaller image, or save it at a smaller size first.`;
}
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_DIMENSION = 2400;
export const ACCEPTED_TYPES_LABEL = 'PNG, JPEG, WebP or GIF';
/** For `<input type="file" accept>`: a hint to the browser only; the server decides by content. */
export const ACCEPT_ATTRIBUTE = 'image/png,image/jpeg,image/webp,image/gif,.png,.jpg,.jpeg,.webp,.gif';

/** Stored file names: content hash + one of our output extensions. */
export const MEDIA_FILE_NAME = /^[a-f0-9]{64}\.(png|jpg|webp)$/;

export function isMediaFileName(name: string): boolean {
  return MEDIA_FILE_NAME.test(name);
}
