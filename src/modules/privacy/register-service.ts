import type { Actor, ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { buildRegister, type Register } from './register.ts';
import { settingsOf } from './retention.ts';
import * as store from './store.ts';

export async function registerOf(ctx: ServiceContext, actor: Actor, organisationId: string, language: Language): Promise<Register> {
  authorize(actor, 'privacy.manage', organisationId);
  const organisation = await store.organisationSettings(ctx.db, organisationId);
  if (!organisation) throw notFound();
  const { isDefault: _default, ...retention } = await settingsOf(ctx, organisationId);
  return buildRegister({ organisationName: organisation.name, disclosureThreshold: organisation.disclosure_threshold, retention, language });
}
