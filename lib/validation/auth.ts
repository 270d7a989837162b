import { z } from 'zod';
import { safeCallbackUrl } from './callback-url';

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


/** "Email me a sign-in link". */
export const signInLinkRequestSchema = z
  .object({
    email: signInSchema.shape.email,
    callbackUrl: z.string().max(2000).optional().transform((value) => safeCallbackUrl(value)),
  })
  .strict();

export const signInLinkTokenSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This sign-in link is not complete. Copy the whole link from the email.') })
  .strict();
