import type { Db } from '../../db/database.ts';
import type { RoundInvitationTable } from '../../db/tables/round-invitations.ts';

/** The round with what its mails and pages need: its links, organisation and branding. */
export const findRound = (db: Db, organisationId: string, roundId: string) =>
  db
    .selectFrom('rounds')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .leftJoin('organisation_branding', 'organisation_branding.organisation_id', 'rounds.organisation_id')
    .select([
      'rounds.id',
      'rounds.name',
      'rounds.closes_on',
      'rounds.status',
      'rounds.organisation_id',
      'organisations.name as organisation_name',
      'organisation_branding.colour',
    ])
    .where('rounds.organisation_id', '=', organisationId)
    .where('rounds.id', '=', roundId)
    .executeTakeFirst();

export const linkOfRound = (db: Db, roundId: string, linkId: string) =>
  db.selectFrom('round_links').select(['id', 'team_id']).where('round_id', '=', roundId).where('id', '=', linkId).executeTakeFirst();

export const linksOfRound = (db: Db, roundId: string) => db.selectFrom('round_links').select(['id']).where('round_id', '=', roundId).execute();

export const existingAddresses = async (db: Db, roundId: string): Promise<Set<string>> =>
  new Set((await db.selectFrom('round_invitations').select('email').where('round_id', '=', roundId).execute()).map((r) => r.email));

export async function insertInvitation(db: Db, row: RoundInvitationTable): Promise<void> {
  await db.insertInto('round_invitations').values(row).execute();
}

export async function insertToken(db: Db, tokenHash: string, invitationId: string): Promise<void> {
  await db.insertInto('round_invitation_tokens').values({ token_hash: tokenHash, invitation_id: invitationId }).execute();
}

/** A round reopened after its closing notice starts a new list: its next closing gets a notice again. */
export async function ensureInvitationRound(db: Db, roundId: string, origin: string): Promise<void> {
  await db
    .insertInto('round_invitation_rounds')
    .values({ round_id: roundId, origin, closing_sent_at: null })
    .onConflict((oc) => oc.column('round_id').doUpdateSet({ origin, closing_sent_at: null }))
    .execute();
}

export const invitationRound = (db: Db, roundId: string) =>
  db.selectFrom('round_invitation_rounds').selectAll().where('round_id', '=', roundId).executeTakeFirst();

/** The invitation a link's token belongs to, with whether it is spent (used, or used since the last batch). */
export const invitationByTokenHash = (db: Db, tokenHash: string) =>
  db
    .selectFrom('round_invitation_tokens')
    .innerJoin('round_invitations', 'round_invitations.id', 'round_invitation_tokens.invitation_id')
    .leftJoin('round_invitation_uses', 'round_invitation_uses.invitation_id', 'round_invitations.id')
    .select(['round_invitations.id', 'round_invitations.link_id', 'round_invitations.used', 'round_invitation_uses.invitation_id as pending'])
    .where('round_invitation_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();

export async function noteUse(db: Db, invitationId: string): Promise<void> {
  await db
    .insertInto('round_invitation_uses')
    .values({ invitation_id: invitationId })
    .onConflict((oc) => oc.column('invitation_id').doNothing())
    .execute();
}

/** Today's batch, once: true when this call is the one that claimed the day. */
export async function claimBatchDay(db: Db, day: string): Promise<boolean> {
  const result = await db
    .insertInto('round_invitation_batches')
    .values({ day })
    .onConflict((oc) => oc.column('day').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function applyUses(db: Db): Promise<number> {
  const result = await db
    .updateTable('round_invitations')
    .set({ used: 1 })
    .where('id', 'in', db.selectFrom('round_invitation_uses').select('invitation_id'))
    .executeTakeFirst();
  await db.deleteFrom('round_invitation_uses').execute();
  return Number(result.numUpdatedRows);
}

/** Invitations not used, counting uses since the last batch as used: the ones a reminder goes to. */
export const unusedInvitations = (db: Db, roundId: string) =>
  db
    .selectFrom('round_invitations')
    .select(['id', 'email', 'language'])
    .where('round_id', '=', roundId)
    .where('used', '=', 0)
    .where('id', 'not in', db.selectFrom('round_invitation_uses').select('invitation_id'))
    .execute();

export const allInvitations = (db: Db, roundId: string) =>
  db.selectFrom('round_invitations').select(['id', 'email', 'language']).where('round_id', '=', roundId).execute();

export async function countInvitations(db: Db, roundId: string): Promise<{ invited: number; used: number }> {
  const row = await db
    .selectFrom('round_invitations')
    .select((eb) => [eb.fn.countAll<number>().as('invited'), eb.fn.sum<number>('used').as('used')])
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  return { invited: Number(row?.invited ?? 0), used: Number(row?.used ?? 0) };
}

export async function deleteInvitationsOfRound(db: Db, roundId: string): Promise<number> {
  const result = await db.deleteFrom('round_invitations').where('round_id', '=', roundId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const remindersOf = (db: Db, roundId: string) =>
  db.selectFrom('round_reminders').selectAll().where('round_id', '=', roundId).orderBy('send_on').execute();

export async function replaceUnsentReminders(db: Db, roundId: string, rows: { id: string; send_on: string }[]): Promise<void> {
  await db.deleteFrom('round_reminders').where('round_id', '=', roundId).where('sent_at', 'is', null).execute();
  const sent = new Set((await remindersOf(db, roundId)).map((r) => r.send_on));
  const fresh = rows.filter((r) => !sent.has(r.send_on));
  if (fresh.length)
    await db
      .insertInto('round_reminders')
      .values(fresh.map((r) => ({ ...r, round_id: roundId, sent_at: null })))
      .execute();
}

/** Reminders due on or before `day`, not sent, of rounds that still have invitations. */
export const dueReminders = (db: Db, day: string) =>
  db
    .selectFrom('round_reminders')
    .innerJoin('round_invitation_rounds', 'round_invitation_rounds.round_id', 'round_reminders.round_id')
    .innerJoin('rounds', 'rounds.id', 'round_reminders.round_id')
    .select(['round_reminders.id', 'round_reminders.round_id', 'rounds.organisation_id'])
    .where('round_reminders.send_on', '<=', day)
    .where('round_reminders.sent_at', 'is', null)
    .where('round_invitation_rounds.closing_sent_at', 'is', null)
    .execute();

/** Marks a reminder sent; false when another process did so first. */
export async function claimReminder(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('round_reminders').set({ sent_at: now }).where('id', '=', id).where('sent_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Rounds with invitations whose closing notice is not sent yet, when they have closed (by status or by date). */
export const closedWithoutNotice = (db: Db, day: string) =>
  db
    .selectFrom('round_invitation_rounds')
    .innerJoin('rounds', 'rounds.id', 'round_invitation_rounds.round_id')
    .select(['rounds.id as round_id', 'rounds.organisation_id'])
    .where('round_invitation_rounds.closing_sent_at', 'is', null)
    .where((eb) => eb.or([eb('rounds.status', '!=', 'open'), eb('rounds.closes_on', '<', day)]))
    .execute();

export async function claimClosing(db: Db, roundId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('round_invitation_rounds')
    .set({ closing_sent_at: now })
    .where('round_id', '=', roundId)
    .where('closing_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const targetsOf = (db: Db, roundId: string) =>
  db
    .selectFrom('round_link_targets')
    .innerJoin('round_links', 'round_links.id', 'round_link_targets.link_id')
    .select(['round_link_targets.link_id', 'round_link_targets.target'])
    .where('round_links.round_id', '=', roundId)
    .execute();

export async function setTarget(db: Db, linkId: string, target: number | null): Promise<void> {
  if (target === null) {
    await db.deleteFrom('round_link_targets').where('link_id', '=', linkId).execute();
    return;
  }
  await db
    .insertInto('round_link_targets')
    .values({ link_id: linkId, target })
    .onConflict((oc) => oc.column('link_id').doUpdateSet({ target }))
    .execute();
}

export const brandingOf = (db: Db, organisationId: string) =>
  db.selectFrom('organisation_branding').select(['colour']).where('organisation_id', '=', organisationId).executeTakeFirst();

export async function setBranding(db: Db, organisationId: string, colour: string | null, now: string): Promise<void> {
  await db
    .insertInto('organisation_branding')
    .values({ organisation_id: organisationId, colour, updated_at: now })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ colour, updated_at: now }))
    .execute();
}

export const logoOf = (db: Db, organisationId: string) =>
  db.selectFrom('organisation_logos').select(['storage_key', 'width', 'height', 'updated_at']).where('organisation_id', '=', organisationId).executeTakeFirst();

export async function setLogo(db: Db, organisationId: string, logo: { storageKey: string; width: number; height: number }, now: string): Promise<void> {
  const values = { storage_key: logo.storageKey, width: logo.width, height: logo.height, updated_at: now };
  await db
    .insertInto('organisation_logos')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

export async function removeLogo(db: Db, organisationId: string): Promise<void> {
  await db.deleteFrom('organisation_logos').where('organisation_id', '=', organisationId).execute();
}
