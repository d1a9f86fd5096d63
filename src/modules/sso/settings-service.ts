import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { authorize } from '../../core/policy.ts';
import { seal, secretsKey } from '../../core/secret-box.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import type { LinkMode, SsoSettingsInput, SsoSettingsView } from './model.ts';
import { issuerAllowed } from './rules.ts';
import * as store from './store.ts';

export const CALLBACK_PATH = '/api/auth/sso/callback';

export async function ssoSettings(ctx: ServiceContext, actor: Actor, organisationId: string, origin: string): Promise<SsoSettingsView> {
  authorize(actor, 'organisation.manage', organisationId);
  const row = await store.findConnection(ctx.db, organisationId);
  return {
    configured: row !== undefined,
    issuer: row?.issuer ?? '',
    clientId: row?.client_id ?? '',
    secretStored: row !== undefined,
    domains: await store.domainsOf(ctx.db, organisationId),
    linkMode: (row?.link_mode ?? 'invitation') as LinkMode,
    enabled: row?.enabled === 1,
    redirectUri: `${origin}${CALLBACK_PATH}`,
  };
}

/**
 * Saves the organisation's provider. The client secret is sealed before it is stored and never
 * returned; leaving it out keeps the stored one. A domain of another organisation is refused.
 * Audited with what changed, never the secret.
 */
export async function saveSsoSettings(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: SsoSettingsInput,
  origin: string,
): Promise<SsoSettingsView> {
  authorize(actor, 'organisation.manage', organisationId);
  const issuer = input.issuer.replace(/\/+$/, '');
  if (!issuerAllowed(issuer)) throw new AppError('validation_failed', { issues: [{ path: 'issuer', code: 'sso.issuer_not_https' }] });
  const domains = [...new Set(input.domains)];
  const newSecret = input.clientSecret?.trim() ? input.clientSecret.trim() : undefined;
  await inTransaction(ctx.db, async (trx) => {
    const existing = await store.findConnection(trx, organisationId);
    if (!existing && !newSecret) {
      throw new AppError('validation_failed', { issues: [{ path: 'clientSecret', code: 'sso.secret_required' }] });
    }
    const taken = (await store.ownerOfDomains(trx, domains)).filter((d) => d.organisation_id !== organisationId);
    if (taken.length > 0) {
      throw new AppError('validation_failed', {
        issues: [{ path: 'domains', code: 'sso.domain_taken', params: { domains: taken.map((d) => d.domain).join(', ') } }],
      });
    }
    const before = await store.domainsOf(trx, organisationId);
    await store.saveConnection(trx, {
      organisation_id: organisationId,
      issuer,
      client_id: input.clientId,
      client_secret_sealed: newSecret ? seal(secretsKey(ctx.config), newSecret) : (existing?.client_secret_sealed ?? ''),
      link_mode: input.linkMode,
      enabled: input.enabled ? 1 : 0,
      updated_at: ctx.clock.now().toISOString(),
      updated_by: actor.userId,
    });
    await store.replaceDomains(trx, organisationId, domains);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'sso.configured',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: {
        issuer,
        clientId: input.clientId,
        secretChanged: newSecret !== undefined,
        domains: domains.join(','),
        domainsBefore: before.join(','),
        linkMode: input.linkMode,
        enabled: input.enabled,
      },
    });
  });
  return ssoSettings(ctx, actor, organisationId, origin);
}
