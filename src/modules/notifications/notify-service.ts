import { newId } from '../../core/ids.ts';
import type { Db } from '../../db/database.ts';
import type { NotificationKind } from './model.ts';
import * as store from './store.ts';

export type NotifyInput = {
  organisationId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  /** The thing it is about (a signal, a charter version). */
  subjectId: string;
  /** What changed at that step (a signal's new status, a version number): numbers and codes, never free text. */
  params: Record<string, string | number>;
  /** The path in the app where the thing is. */
  link: string;
};

/**
 * The one way other modules tell a person something happened: called by their services in the same
 * transaction as the change, so the notification exists exactly when the change does. It stores
 * what changed at that step; e-mail (right away or in a digest) is sent from these rows later.
 */
export async function notify(db: Db, now: Date, input: NotifyInput): Promise<void> {
  const at = now.toISOString();
  const params = JSON.stringify(input.params);
  await store.insertNotifications(
    db,
    [...new Set(input.userIds)].map((userId) => ({
      id: newId(),
      organisation_id: input.organisationId,
      user_id: userId,
      kind: input.kind,
      subject_id: input.subjectId,
      params,
      link: input.link,
      created_at: at,
      read_at: null,
      mailed_at: null,
    })),
  );
}
