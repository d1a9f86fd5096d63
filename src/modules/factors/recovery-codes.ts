import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { auditFactor } from './audit.ts';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-code.ts';
import * as store from './store.ts';

/** New codes replace all old ones; only their hashes are kept, so they are shown this once. */
export async function issueRecoveryCodes(ctx: ServiceContext, db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await store.replaceRecoveryCodes(db, userId, codes.map(hashRecoveryCode), ctx.clock.now().toISOString());
  return codes;
}

/** Codes come with a first factor: a person who has them already keeps them. */
export async function issueFirstRecoveryCodes(ctx: ServiceContext, db: Db, userId: string): Promise<string[] | null> {
  if ((await store.unusedRecoveryCodes(db, userId)) > 0) return null;
  return issueRecoveryCodes(ctx, db, userId);
}

export async function renewRecoveryCodes(ctx: ServiceContext, userId: string): Promise<string[]> {
  if (!(await store.hasFactor(ctx.db, userId))) throw new AppError('conflict', { code: 'factors.no_second_factor' });
  return inTransaction(ctx.db, async (trx) => {
    const codes = await issueRecoveryCodes(ctx, trx, userId);
    await auditFactor(ctx, trx, userId, 'user.recovery_codes_renewed', { count: codes.length });
    return codes;
  });
}

/** True when the code was this person's and unused; it is used up by this call. */
export async function spendRecoveryCode(ctx: ServiceContext, userId: string, code: string): Promise<boolean> {
  return inTransaction(ctx.db, async (trx) => {
    const used = await store.spendRecoveryCode(trx, userId, hashRecoveryCode(code), ctx.clock.now().toISOString());
    if (used) await auditFactor(ctx, trx, userId, 'user.recovery_code_used', { left: await store.unusedRecoveryCodes(trx, userId) });
    return used;
  });
}
