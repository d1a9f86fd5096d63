import type { Db } from '../../db/database.ts';
import type { PasskeyTable } from '../../db/schema.ts';

// Authenticator app (TOTP)
export const totpOf = (db: Db, userId: string) => db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const replaceTotp = async (db: Db, row: { user_id: string; secret: string; created_at: string }) => {
  await db.deleteFrom('totp_factors').where('user_id', '=', row.user_id).execute();
  await db
    .insertInto('totp_factors')
    .values({ ...row, confirmed_at: null, last_step: 0 })
    .execute();
};

export const confirmTotp = (db: Db, userId: string, at: string) =>
  db.updateTable('totp_factors').set({ confirmed_at: at }).where('user_id', '=', userId).execute();

/** Moves the last used step forward only if it is still behind: of two requests with one code, one wins. */
export async function claimStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db.updateTable('totp_factors').set({ last_step: step }).where('user_id', '=', userId).where('last_step', '<', step).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const deleteTotp = (db: Db, userId: string) => db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();

// Recovery codes
export const replaceRecoveryCodes = async (db: Db, userId: string, hashes: string[], at: string) => {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ code_hash, user_id: userId, created_at: at, used_at: null })))
    .execute();
};

/** Marks the code used if it is this person's and unused; true when this call used it. */
export async function spendRecoveryCode(db: Db, userId: string, codeHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('code_hash', '=', codeHash)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const unusedRecoveryCodes = async (db: Db, userId: string): Promise<number> => {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

export const deleteRecoveryCodes = (db: Db, userId: string) => db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();

// Passkeys
export const passkeysOf = (db: Db, userId: string) => db.selectFrom('passkeys').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

export const findPasskey = (db: Db, id: string) => db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();

export const insertPasskey = (db: Db, row: PasskeyTable) => db.insertInto('passkeys').values(row).execute();

export const passkeyUsed = (db: Db, id: string, counter: number, at: string) =>
  db.updateTable('passkeys').set({ counter, last_used_at: at }).where('id', '=', id).execute();

export const deletePasskey = async (db: Db, userId: string, id: string): Promise<boolean> => {
  const result = await db.deleteFrom('passkeys').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
};

/** Whether the person has any second factor: a confirmed authenticator app or a passkey. */
export async function hasFactor(db: Db, userId: string): Promise<boolean> {
  const totp = await db.selectFrom('totp_factors').select('user_id').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
  if (totp) return true;
  return (await db.selectFrom('passkeys').select('id').where('user_id', '=', userId).limit(1).executeTakeFirst()) !== undefined;
}

// The half-signed-in state
export const insertPending = (db: Db, row: { id_hash: string; user_id: string; expires_at: string }) => db.insertInto('pending_sign_ins').values(row).execute();

export const findPending = (db: Db, idHash: string) => db.selectFrom('pending_sign_ins').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export const pendingFailed = (db: Db, idHash: string) =>
  db
    .updateTable('pending_sign_ins')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id_hash', '=', idHash)
    .execute();

/** True when this call removed it: a pending sign-in becomes a session once. */
export const deletePending = async (db: Db, idHash: string): Promise<boolean> =>
  Number((await db.deleteFrom('pending_sign_ins').where('id_hash', '=', idHash).executeTakeFirst()).numDeletedRows) === 1;

export const deleteExpiredPending = (db: Db, now: string) => db.deleteFrom('pending_sign_ins').where('expires_at', '<', now).execute();

// WebAuthn challenges
export const insertChallenge = (db: Db, row: { challenge_hash: string; purpose: string; user_id: string | null; expires_at: string }) =>
  db.insertInto('webauthn_challenges').values(row).execute();

/** Takes the challenge out: each one is answered once. */
export async function takeChallenge(db: Db, challengeHash: string) {
  const row = await db.selectFrom('webauthn_challenges').selectAll().where('challenge_hash', '=', challengeHash).executeTakeFirst();
  if (!row) return undefined;
  const result = await db.deleteFrom('webauthn_challenges').where('challenge_hash', '=', challengeHash).executeTakeFirst();
  return Number(result.numDeletedRows) === 1 ? row : undefined;
}

export const deleteExpiredChallenges = (db: Db, now: string) => db.deleteFrom('webauthn_challenges').where('expires_at', '<', now).execute();

// The organisation's rule
export const ruleOf = (db: Db, organisationId: string) =>
  db.selectFrom('two_factor_rules').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();

export const saveRule = async (db: Db, organisationId: string, required: boolean, at: string) => {
  await db.deleteFrom('two_factor_rules').where('organisation_id', '=', organisationId).execute();
  await db
    .insertInto('two_factor_rules')
    .values({ organisation_id: organisationId, required_for_data_roles: required ? 1 : 0, updated_at: at })
    .execute();
};

/** Whether any of these organisations asks two factors of its admins and researchers. */
export async function anyRequires(db: Db, organisationIds: string[]): Promise<boolean> {
  if (organisationIds.length === 0) return false;
  const row = await db
    .selectFrom('two_factor_rules')
    .select('organisation_id')
    .where('organisation_id', 'in', organisationIds)
    .where('required_for_data_roles', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteAllFactorsOf(db: Db, userId: string): Promise<void> {
  for (const table of ['totp_factors', 'passkeys', 'recovery_codes', 'pending_sign_ins', 'webauthn_challenges'] as const) {
    await db.deleteFrom(table).where('user_id', '=', userId).execute();
  }
}
