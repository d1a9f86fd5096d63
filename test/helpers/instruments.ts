import type { ServiceContext } from '../../src/core/context.ts';
import { newId } from '../../src/core/ids.ts';
import { cocreatieErvaringswerkers } from '../../src/modules/instruments/builtin/cocreatie-in-beeld.ts';
import * as store from '../../src/modules/instruments/store.ts';

/** An instrument with a draft version 1 (a copy of the experience workers' form), written straight to the tables. */
export async function makeInstrument(ctx: ServiceContext, organisationId: string, createdBy: string | null = null): Promise<string> {
  const id = newId();
  const key = `proef-${id.slice(0, 8)}`;
  const now = new Date().toISOString();
  const definition = { ...cocreatieErvaringswerkers, key };
  await store.insertInstrument(ctx.db, {
    id,
    organisation_id: organisationId,
    key,
    title_nl: definition.title.nl,
    title_en: definition.title.en,
    created_by: createdBy,
    created_at: now,
  });
  await store.insertVersion(ctx.db, {
    id: newId(),
    instrument_id: id,
    version: 1,
    status: 'draft',
    definition: JSON.stringify(definition),
    resolved_definition: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    published_at: null,
    published_by: null,
  });
  return id;
}
