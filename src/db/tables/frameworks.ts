/** Kysely table types of the frameworks module. */

/** One row per version of an organisation's framework; rows are never updated. Built-in frameworks live in code. */
export interface FrameworkTable {
  id: string;
  organisation_id: string;
  key: string;
  version: number;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  /** JSON text: FrameworkCode[] (for an extension: the built-in codes, then the organisation's own). */
  codes: string;
  /** The built-in framework this one extends, or null. */
  extends_key: string | null;
  /** Null once the person's account is deleted; the audit trail still says who it was. */
  created_by: string | null;
  created_at: string;
}

export interface FrameworksTables {
  frameworks: FrameworkTable;
}
