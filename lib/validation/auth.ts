import { z } from 'zod';

export const signInSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.org' })),
    password: z.string().min(1, 'Enter your password').max(1024),
  })
  .strict();

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.includes('\\') ? v : '/admin';
}

/** "Email me a sign-in link". */
export const signInLinkRequestSchema = z
  .object({
    email: signInSchema.shape.email,
    callbackUrl: z.string().max(2000).optional().transform(safeCallbackUrl),
  })
  .strict();

export const signInLinkTokenSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This sign-in link is not complete. Copy the whole link from the email.') })
  .strict();
