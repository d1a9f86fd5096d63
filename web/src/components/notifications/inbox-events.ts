/** Tells the header's badge to count again (after marking notifications read, or signing). */
export const INBOX_CHANGED = 'kruisbestuiving:inbox-changed';
export const announceInboxChanged = () => window.dispatchEvent(new Event(INBOX_CHANGED));
