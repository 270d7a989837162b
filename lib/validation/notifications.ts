import { z } from 'zod';

// The notification list's forms and actions. `.strict()` refuses any field not listed.

export const markNotificationReadSchema = z.object({ id: z.uuid({ message: 'Choose a valid notification' }) }).strict();

export const markAllNotificationsReadSchema = z.object({}).strict();
