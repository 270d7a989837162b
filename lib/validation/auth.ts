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
