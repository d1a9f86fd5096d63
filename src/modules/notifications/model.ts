import * as z from 'zod';
import { idSchema } from '../../core/schemas.ts';

/** Written when something happens for a person (see notify-service.ts). */
export const notificationKinds = ['signal_step', 'signal_member_check_requested', 'signal_member_checked', 'charter_to_sign'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Worked out from what is true now (see waiting-service.ts); gone once done. */
export const waitingKinds = ['charter_to_sign', 'member_check', 'round_open', 'review_due', 'meeting_live'] as const;
export type WaitingKind = (typeof waitingKinds)[number];

export const emailPreferences = ['immediate', 'daily', 'weekly', 'never'] as const;
export const emailPreferenceSchema = z.enum(emailPreferences);
export type EmailPreference = z.infer<typeof emailPreferenceSchema>;

export const notificationView = z.object({
  id: idSchema,
  kind: z.enum(notificationKinds),
  /** What changed at that step, in the person's language. */
  text: z.string(),
  /** Where the thing is: a path in the app. */
  link: z.string(),
  at: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const waitingItemView = z.object({
  kind: z.enum(waitingKinds),
  text: z.string(),
  /** A path in the app, or the respondent form's address for an open round. */
  link: z.string(),
  /** A date the item is about (closing day, review date), as YYYY-MM-DD, or null. */
  due: z.string().nullable(),
});
export type WaitingItemView = z.infer<typeof waitingItemView>;

export const inboxView = z.object({
  waiting: z.array(waitingItemView),
  notifications: z.array(notificationView),
  unread: z.number().int(),
  /** What the header's badge shows: the waiting items plus the unread notifications. */
  count: z.number().int(),
});
export type InboxView = z.infer<typeof inboxView>;

export const inboxCountView = z.object({ count: z.number().int() });

export const markReadInput = z.strictObject({
  /** The notifications to mark as read; left out: all of them. */
  ids: z.array(idSchema).max(200).optional(),
});

export const preferencesView = z.object({ email: emailPreferenceSchema, mailAvailable: z.boolean() });
export const preferencesInput = z.strictObject({ email: emailPreferenceSchema });

/** How many were marked read. */
export const markedReadView = z.object({ marked: z.number().int() });
export type MarkedReadView = z.infer<typeof markedReadView>;

/** The answers of this module's routes, for the web app (`import type`). */
export type InboxCountView = z.infer<typeof inboxCountView>;
export type PreferencesView = z.infer<typeof preferencesView>;
