import type { Db } from '../../db/database.ts';
import type { SignalMemberCheckTable, SignalNotificationTable, SignalStepTable, SignalStoryLinkTable, SignalTable } from '../../db/tables/signals.ts';

const signalColumns = [
  'signals.id',
  'signals.organisation_id',
  'signals.team_id',
  'signals.raised_by',
  'signals.title',
  'signals.observation',
  'signals.barrier_for',
  'signals.logic',
  'signals.theme',
  'signals.level',
  'signals.status',
  'signals.source_code_id',
  'signals.created_at',
  'signals.last_step_at',
] as const;

const withNames = (db: Db) =>
  db
    .selectFrom('signals')
    .leftJoin('teams', 'teams.id', 'signals.team_id')
    .leftJoin('users', 'users.id', 'signals.raised_by')
    .select([...signalColumns, 'teams.name as team_name', 'users.display_name as raised_by_name']);

export type SignalRow = Awaited<ReturnType<typeof findSignal>> & {};

export const insertSignal = (db: Db, row: SignalTable) => db.insertInto('signals').values(row).execute();

export const findSignal = (db: Db, organisationId: string, signalId: string) =>
  withNames(db).where('signals.organisation_id', '=', organisationId).where('signals.id', '=', signalId).executeTakeFirst();

export const listSignals = (db: Db, organisationId: string) =>
  withNames(db).where('signals.organisation_id', '=', organisationId).orderBy('signals.created_at', 'desc').orderBy('signals.id').execute();

/** Moves the signal on only if it is still where the caller saw it; false when someone else was first. */
export async function updateStatus(db: Db, signalId: string, from: string, to: string, at: string): Promise<boolean> {
  const result = await db.updateTable('signals').set({ status: to, last_step_at: at }).where('id', '=', signalId).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertStep = (db: Db, row: SignalStepTable) => db.insertInto('signal_steps').values(row).execute();

export const listSteps = (db: Db, signalId: string) =>
  db
    .selectFrom('signal_steps')
    .leftJoin('users', 'users.id', 'signal_steps.actor_user_id')
    .select([
      'signal_steps.from_status',
      'signal_steps.to_status',
      'signal_steps.note',
      'signal_steps.actor_user_id',
      'signal_steps.at',
      'users.display_name as actor_name',
    ])
    .where('signal_steps.signal_id', '=', signalId)
    .orderBy('signal_steps.at')
    .orderBy('signal_steps.id')
    .execute();

export const insertStoryLinks = (db: Db, rows: SignalStoryLinkTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('signal_story_links').values(rows).execute();

export const listStoryLinks = async (db: Db, signalId: string): Promise<string[]> =>
  (await db.selectFrom('signal_story_links').select('story_id').where('signal_id', '=', signalId).orderBy('linked_at').execute()).map((r) => r.story_id);

export const storyLinksOf = (db: Db, signalIds: string[]) =>
  signalIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('signal_story_links').select(['signal_id', 'story_id']).where('signal_id', 'in', signalIds).execute();

export const insertMemberCheck = (db: Db, row: SignalMemberCheckTable) => db.insertInto('signal_member_checks').values(row).execute();

export const listMemberChecks = (db: Db, signalId: string) =>
  db
    .selectFrom('signal_member_checks')
    .leftJoin('users', 'users.id', 'signal_member_checks.user_id')
    .select([
      'signal_member_checks.id',
      'signal_member_checks.stance',
      'signal_member_checks.comment',
      'signal_member_checks.user_id',
      'signal_member_checks.at',
      'users.display_name as user_name',
    ])
    .where('signal_member_checks.signal_id', '=', signalId)
    .orderBy('signal_member_checks.at')
    .orderBy('signal_member_checks.id')
    .execute();

/** The teams of a person in one organisation, with their position there. */
export const teamPositions = (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id as team_id', 'team_members.position'])
    .where('teams.organisation_id', '=', organisationId)
    .where('team_members.user_id', '=', userId)
    .execute();

export const findTeam = (db: Db, organisationId: string, teamId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).where('id', '=', teamId).executeTakeFirst();

/** Experience workers of one team, or of every team of the organisation when no team is given. */
export async function experienceWorkers(db: Db, organisationId: string, teamId: string | null): Promise<string[]> {
  let query = db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select('team_members.user_id')
    .distinct()
    .where('teams.organisation_id', '=', organisationId)
    .where('team_members.position', '=', 'experience_worker');
  if (teamId) query = query.where('teams.id', '=', teamId);
  return (await query.execute()).map((r) => r.user_id);
}

export const isMember = async (db: Db, organisationId: string, userId: string): Promise<boolean> =>
  (await db.selectFrom('memberships').select('user_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst()) !==
  undefined;

export const insertNotifications = (db: Db, rows: SignalNotificationTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('signal_notifications').values(rows).execute();

export const listNotifications = (db: Db, organisationId: string, userId: string, limit: number) =>
  db
    .selectFrom('signal_notifications')
    .innerJoin('signals', 'signals.id', 'signal_notifications.signal_id')
    .select([
      'signal_notifications.id',
      'signal_notifications.kind',
      'signal_notifications.signal_id',
      'signal_notifications.at',
      'signal_notifications.read_at',
      'signals.title',
      'signals.status',
    ])
    .where('signal_notifications.organisation_id', '=', organisationId)
    .where('signal_notifications.user_id', '=', userId)
    .orderBy('signal_notifications.at', 'desc')
    .orderBy('signal_notifications.id')
    .limit(limit)
    .execute();

/** Of these signals, the ones for which the person already has a stored notification of this kind. */
export const notifiedSignals = async (db: Db, userId: string, signalIds: string[], kind: string): Promise<string[]> =>
  signalIds.length === 0
    ? []
    : (
        await db
          .selectFrom('signal_notifications')
          .select('signal_id')
          .where('user_id', '=', userId)
          .where('kind', '=', kind)
          .where('signal_id', 'in', signalIds)
          .execute()
      ).map((r) => r.signal_id);

/** Of these signals, the ones the person already responded to in member checking. */
export const checkedSignals = async (db: Db, userId: string, signalIds: string[]): Promise<string[]> =>
  signalIds.length === 0
    ? []
    : (await db.selectFrom('signal_member_checks').select('signal_id').where('user_id', '=', userId).where('signal_id', 'in', signalIds).execute()).map(
        (r) => r.signal_id,
      );

export const markNotificationsRead = async (db: Db, organisationId: string, userId: string, at: string): Promise<number> => {
  const result = await db
    .updateTable('signal_notifications')
    .set({ read_at: at })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
};

export const findThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;

/** The status each step of these signals moved to, with when: a notification of a step names that step, not the signal's state now. */
export const stepStatuses = (db: Db, signalIds: string[]) =>
  signalIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('signal_steps').select(['signal_id', 'to_status', 'at']).where('signal_id', 'in', signalIds).execute();
