import type { Db } from '../../db/database.ts';
import type { SsoConnectionTable, SsoLoginTable } from '../../db/schema.ts';

export const findConnection = (db: Db, organisationId: string) =>
  db.selectFrom('sso_connections').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();

export async function saveConnection(db: Db, row: SsoConnectionTable): Promise<void> {
  const { organisation_id: _id, ...changes } = row;
  const updated = await db.updateTable('sso_connections').set(changes).where('organisation_id', '=', row.organisation_id).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('sso_connections').values(row).execute();
}

export const domainsOf = async (db: Db, organisationId: string) =>
  (await db.selectFrom('sso_domains').select('domain').where('organisation_id', '=', organisationId).orderBy('domain').execute()).map((r) => r.domain);

export const ownerOfDomains = (db: Db, domains: string[]) =>
  db.selectFrom('sso_domains').select(['domain', 'organisation_id']).where('domain', 'in', domains).execute();

export async function replaceDomains(db: Db, organisationId: string, domains: string[]): Promise<void> {
  await db.deleteFrom('sso_domains').where('organisation_id', '=', organisationId).execute();
  if (domains.length > 0)
    await db
      .insertInto('sso_domains')
      .values(domains.map((domain) => ({ domain, organisation_id: organisationId })))
      .execute();
}

/** The enabled connection that signs in addresses of this domain, if any. */
export const enabledConnectionForDomain = (db: Db, domain: string) =>
  db
    .selectFrom('sso_domains')
    .innerJoin('sso_connections', 'sso_connections.organisation_id', 'sso_domains.organisation_id')
    .selectAll('sso_connections')
    .where('sso_domains.domain', '=', domain)
    .where('sso_connections.enabled', '=', 1)
    .executeTakeFirst();

export const insertLogin = (db: Db, row: SsoLoginTable) => db.insertInto('sso_logins').values(row).execute();

/** Takes a sign-in in progress out, so its state works once: the second caller finds nothing. */
export async function takeLogin(db: Db, stateHash: string): Promise<SsoLoginTable | undefined> {
  const row = await db.selectFrom('sso_logins').selectAll().where('state_hash', '=', stateHash).executeTakeFirst();
  if (!row) return undefined;
  const deleted = await db.deleteFrom('sso_logins').where('state_hash', '=', stateHash).executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1 ? row : undefined;
}

export const deleteExpiredLogins = (db: Db, now: string) => db.deleteFrom('sso_logins').where('expires_at', '<', now).execute();

export const findIdentity = (db: Db, organisationId: string, subject: string) =>
  db.selectFrom('sso_identities').select('user_id').where('organisation_id', '=', organisationId).where('subject', '=', subject).executeTakeFirst();

export const insertIdentity = (db: Db, row: { organisation_id: string; subject: string; user_id: string; created_at: string }) =>
  db.insertInto('sso_identities').values(row).execute();
