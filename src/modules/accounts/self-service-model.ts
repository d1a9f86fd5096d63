import * as z from 'zod';
import { emailSchema } from '../../core/schemas.ts';
import { PASSWORD_MAX } from './model.ts';

/** Length and the other rules are checked by password-policy.ts, with a message that says which rule. */
const newPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword,
});

export const forgotPasswordInput = z.strictObject({ email: emailSchema });

/** The token from a reset link: 32 random bytes, base64url. */
export const resetTokenSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

export const resetPasswordInput = z.strictObject({ token: resetTokenSchema, newPassword });

export const passwordResetOptionsView = z.object({
  /** Whether this server sends e-mail: without it, "forgot password" goes through an admin. */
  byMail: z.boolean(),
});

/** What an admin gets after starting a reset for someone: sent by mail, or (without e-mail) the link to hand over, once. */
export const adminResetView = z.object({
  sent: z.boolean(),
  link: z.string().optional(),
  expiresAt: z.string().optional(),
});

export const sessionParams = z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{32}$/) });

export const sessionView = z.object({
  id: z.string(),
  browser: z.string().nullable(),
  system: z.string().nullable(),
  /** The day of the last use (YYYY-MM-DD, UTC), no finer: enough to recognise a session. */
  lastUsedOn: z.string(),
  startedOn: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionListView = z.object({ sessions: z.array(sessionView) });

export const endedSessionsView = z.object({ ended: z.number().int() });

/** The answers of this module's routes, for the web app (`import type`). */
export type AdminResetView = z.infer<typeof adminResetView>;
export type EndedSessionsView = z.infer<typeof endedSessionsView>;
export type PasswordResetOptionsView = z.infer<typeof passwordResetOptionsView>;
export type SessionListView = z.infer<typeof sessionListView>;
