import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { FactorsView, SecondFactorNeeded } from './model.ts';
import * as store from './store.ts';

/** The roles that see unsuppressed data: the ones an organisation can ask two factors of. */
const DATA_ROLES = new Set(['admin', 'researcher']);

export const hasSecondFactor = (ctx: ServiceContext, userId: string): Promise<boolean> => store.hasFactor(ctx.db, userId);

/** What the sign-in page may offer as second step, or undefined when the person has no second factor. */
export async function secondFactorsOf(ctx: ServiceContext, userId: string): Promise<SecondFactorNeeded | undefined> {
  const [totp, passkeys, codes] = await Promise.all([
    store.totpOf(ctx.db, userId),
    store.passkeysOf(ctx.db, userId),
    store.unusedRecoveryCodes(ctx.db, userId),
  ]);
  const authenticatorApp = Boolean(totp?.confirmed_at);
  if (!authenticatorApp && passkeys.length === 0) return undefined;
  return { secondFactor: { authenticatorApp, passkey: passkeys.length > 0, recoveryCode: codes > 0 } };
}

/** True when an organisation asks two factors of this person's role and they have none: they may only set one up. */
export async function mustSetUpSecondFactor(ctx: ServiceContext, actor: Actor): Promise<boolean> {
  const organisations = [...actor.roles].filter(([, role]) => DATA_ROLES.has(role)).map(([organisationId]) => organisationId);
  if (organisations.length === 0) return false;
  if (!(await store.anyRequires(ctx.db, organisations))) return false;
  return !(await store.hasFactor(ctx.db, actor.userId));
}

export async function factorsOf(ctx: ServiceContext, actor: Actor): Promise<FactorsView> {
  const [totp, passkeys, recoveryCodesLeft, setupRequired] = await Promise.all([
    store.totpOf(ctx.db, actor.userId),
    store.passkeysOf(ctx.db, actor.userId),
    store.unusedRecoveryCodes(ctx.db, actor.userId),
    mustSetUpSecondFactor(ctx, actor),
  ]);
  return {
    authenticatorApp: Boolean(totp?.confirmed_at),
    passkeys: passkeys.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at })),
    recoveryCodesLeft,
    setupRequired,
  };
}

export async function twoFactorRule(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<{ requiredForDataRoles: boolean }> {
  authorize(actor, 'organisation.manage', organisationId);
  const rule = await store.ruleOf(ctx.db, organisationId);
  return { requiredForDataRoles: rule?.required_for_data_roles === 1 };
}

/** Admins and researchers of the organisation must have two factors (or not); audited with the new value. */
export async function setTwoFactorRule(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  required: boolean,
): Promise<{ requiredForDataRoles: boolean }> {
  authorize(actor, 'organisation.manage', organisationId);
  // Whoever turns the rule on shows it can be done, and does not lock themselves out of this page.
  if (required && !(await store.hasFactor(ctx.db, actor.userId))) throw new AppError('conflict', { code: 'factors.own_factor_first' });
  await inTransaction(ctx.db, async (trx) => {
    const before = (await store.ruleOf(trx, organisationId))?.required_for_data_roles === 1;
    if (before === required) return;
    await store.saveRule(trx, organisationId, required, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'organisation.two_factor_rule_changed',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { requiredForDataRoles: required },
    });
  });
  return { requiredForDataRoles: required };
}

/**
 * For the operator (command line) when someone lost phone, passkeys and recovery codes: every
 * second factor and pending sign-in of the person goes. Audited without actor, source "cli".
 */
export async function removeAllFactors(ctx: ServiceContext, userId: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteAllFactorsOf(trx, userId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId: null,
      actorUserId: null,
      action: 'user.factor_removed',
      subjectType: 'user',
      subjectId: userId,
      details: { kind: 'all', source: 'cli' },
    });
  });
}
