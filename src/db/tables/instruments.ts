/** Kysely table types of the instruments module. */

/** An organisation's own instrument. The built-in ones live in code (builtin/). */
export interface InstrumentTable {
  id: string;
  organisation_id: string;
  /** Unique within the organisation; never changes. */
  key: string;
  /** The title of the latest saved version, for lists. */
  title_nl: string;
  title_en: string;
  /** Null once the person's account is deleted; the audit trail still says who it was. */
  created_by: string | null;
  created_at: string;
}

export type InstrumentVersionStatus = 'draft' | 'published';

/** One version of an instrument. A published version never changes; there is at most one draft. */
export interface InstrumentVersionTable {
  id: string;
  instrument_id: string;
  version: number;
  status: InstrumentVersionStatus;
  /** JSON text: the InstrumentDefinition as saved. */
  definition: string;
  /** JSON text: the ResolvedInstrument, written once at publication; null for a draft. */
  resolved_definition: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
}

export interface InstrumentsTables {
  instruments: InstrumentTable;
  instrument_versions: InstrumentVersionTable;
}
