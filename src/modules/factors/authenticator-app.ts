import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { open, seal, secretsKey } from '../../core/secret-box.ts';
import { inTransaction } from '../../db/database.ts';
import { auditFactor } from './audit.ts';
import { issueFirstRecoveryCodes } from './recovery-codes.ts';
import * as store from './store.ts';
import { matchingStep, newTotpSecret, totpUri } from './totp-code.ts';

export const wrongCode = () => new AppError('invalid_credentials', { code: 'factors.wrong_code' });
/** While setting up, a wrong code is a mistake to correct, not a failed sign-in. */
const wrongSetupCode = () => new AppError('validation_failed', { code: 'factors.wrong_code' });

/** A new secret, not yet a factor: it counts only after the person typed a first code from it. */
export async function startAuthenticatorApp(ctx: ServiceContext, actor: Actor, accountLabel: string) {
  const existing = await store.totpOf(ctx.db, actor.userId);
  // Setting up anew would silently drop a working factor: remove it first, on purpose.
  if (existing?.confirmed_at) throw new AppError('conflict', { code: 'factors.totp_exists' });
  const secret = newTotpSecret();
  // Sealed with the app's secrets key: a database dump alone does not give anyone the second factor.
  await store.replaceTotp(ctx.db, { user_id: actor.userId, secret: seal(secretsKey(ctx.config), secret), created_at: ctx.clock.now().toISOString() });
  const uri = totpUri(secret, accountLabel);
  return { secret, uri, qrSvg: await (await import('qrcode')).default.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

export async function confirmAuthenticatorApp(ctx: ServiceContext, actor: Actor, code: string): Promise<{ recoveryCodes: string[] | null }> {
  const factor = await store.totpOf(ctx.db, actor.userId);
  if (!factor || factor.confirmed_at) throw new AppError('conflict', { code: 'factors.no_totp_setup' });
  const step = matchingStep(open(secretsKey(ctx.config), factor.secret), code, ctx.clock.now());
  if (step === undefined) throw wrongSetupCode();
  return inTransaction(ctx.db, async (trx) => {
    if (!(await store.claimStep(trx, actor.userId, step))) throw wrongSetupCode();
    await store.confirmTotp(trx, actor.userId, ctx.clock.now().toISOString());
    await auditFactor(ctx, trx, actor.userId, 'user.factor_added', { kind: 'totp' });
    return { recoveryCodes: await issueFirstRecoveryCodes(ctx, trx, actor.userId) };
  });
}

/**
 * Checks a code at sign-in. A code is good once: its time step must be later than the last one
 * accepted, so a code seen over someone's shoulder is worthless after it was used.
 */
export async function checkAuthenticatorCode(ctx: ServiceContext, userId: string, code: string): Promise<boolean> {
  const factor = await store.totpOf(ctx.db, userId);
  if (!factor?.confirmed_at) return false;
  const step = matchingStep(open(secretsKey(ctx.config), factor.secret), code, ctx.clock.now());
  if (step === undefined) return false;
  return store.claimStep(ctx.db, userId, step);
}

export async function removeAuthenticatorApp(ctx: ServiceContext, actor: Actor): Promise<void> {
  const factor = await store.totpOf(ctx.db, actor.userId);
  if (!factor) return;
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteTotp(trx, actor.userId);
    if (!factor.confirmed_at) return;
    await auditFactor(ctx, trx, actor.userId, 'user.factor_removed', { kind: 'totp' });
    // Recovery codes stand in for a factor; without any factor they would be a way in of their own.
    if (!(await store.hasFactor(trx, actor.userId))) await store.deleteRecoveryCodes(trx, actor.userId);
  });
}
