import type { Actor, ServiceContext } from '../../core/context.ts';
import type { Framework } from '../frameworks/model.ts';
import { resolveFramework } from '../frameworks/service.ts';
import type { InstrumentDefinition } from './definition.ts';
import { frameworkReferences, type ResolvedInstrument, resolveInstrument } from './resolve.ts';
import { getVersion } from './service.ts';

export type InstrumentPreview = { status: 'draft' | 'published'; version: number; instrument: ResolvedInstrument | null };

/**
 * A version as respondents would see it: a published one exactly as it was published, a draft with
 * its framework options written out as they are now. `instrument` is null when a draft does not
 * resolve (a framework it names is gone); saving it again then says what is wrong.
 */
export async function previewVersion(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  instrumentId: string,
  version: number,
): Promise<InstrumentPreview> {
  // getVersion checks instruments.view and answers 404 for another organisation's instrument.
  const view = await getVersion(ctx, actor, organisationId, instrumentId, version);
  if (view.resolved) return { status: view.status, version: view.version, instrument: view.resolved as unknown as ResolvedInstrument };
  // A saved draft has passed the definition schema (saveDraft checks it), so its shape is known.
  const definition = view.definition as unknown as InstrumentDefinition;
  const found = new Map<string, Framework | undefined>();
  for (const ref of frameworkReferences(definition))
    found.set(`${ref.framework}@${ref.version}`, await resolveFramework(ctx, organisationId, ref.framework, ref.version));
  const resolved = resolveInstrument(definition, (key, v) => found.get(`${key}@${v}`));
  return { status: view.status, version: view.version, instrument: resolved.ok ? resolved.instrument : null };
}
