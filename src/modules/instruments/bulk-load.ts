import type { Db } from '../../db/database.ts';
import type { InstrumentDefinition } from './definition.ts';
import type { ResolvedInstrument } from './resolve.ts';
import * as store from './store.ts';

/**
 * An instrument loaded as data, outside the use cases (the demo organisation): written published at
 * once, with no policy and no audit event (the caller answers for both).
 */
export async function insertPublishedInstrument(
  db: Db,
  input: {
    organisationId: string;
    definition: InstrumentDefinition;
    resolved: ResolvedInstrument;
    createdBy: string;
    now: string;
    instrumentId: string;
    versionId: string;
  },
): Promise<void> {
  const { definition, createdBy, now } = input;
  await store.insertInstrument(db, {
    id: input.instrumentId,
    organisation_id: input.organisationId,
    key: definition.key,
    title_nl: definition.title.nl,
    title_en: definition.title.en,
    created_by: createdBy,
    created_at: now,
  });
  await store.insertVersion(db, {
    id: input.versionId,
    instrument_id: input.instrumentId,
    version: 1,
    status: 'published',
    definition: JSON.stringify(definition),
    resolved_definition: JSON.stringify(input.resolved),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    published_at: now,
    published_by: createdBy,
  });
}
