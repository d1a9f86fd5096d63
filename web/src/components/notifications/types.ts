/** The shapes of the notifications API; they mirror src/modules/notifications/model.ts. */
export type { InboxView, NotificationView, WaitingItemView } from '../../../../src/modules/notifications/model.ts';
export type EmailPreference = 'immediate' | 'daily' | 'weekly' | 'never';
