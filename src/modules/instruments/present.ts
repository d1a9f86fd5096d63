import type { InstrumentTable, InstrumentVersionStatus, InstrumentVersionTable } from '../../db/tables/instruments.ts';
import type { InstrumentDetailView, InstrumentListItemView, VersionSummaryView, VersionView } from './model.ts';

/** What the API shows of the rows: never a row as it is. */

type SummaryRow = Pick<InstrumentVersionTable, 'id' | 'instrument_id' | 'version' | 'status' | 'created_at' | 'updated_at' | 'published_at'>;

export const presentSummary = (row: SummaryRow): VersionSummaryView => ({
  id: row.id,
  version: Number(row.version),
  status: row.status as InstrumentVersionStatus,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
});

export const presentVersion = (row: InstrumentVersionTable): VersionView => ({
  ...presentSummary(row),
  instrumentId: row.instrument_id,
  definition: JSON.parse(row.definition) as Record<string, unknown>,
  resolved: row.resolved_definition === null ? null : (JSON.parse(row.resolved_definition) as Record<string, unknown>),
});

export const presentDetail = (row: InstrumentTable, versions: SummaryRow[]): InstrumentDetailView => ({
  id: row.id,
  key: row.key,
  title: { nl: row.title_nl, en: row.title_en },
  createdAt: row.created_at,
  versions: versions.map(presentSummary),
});

export function presentListItem(row: InstrumentTable, versions: SummaryRow[]): InstrumentListItemView {
  const own = versions.filter((v) => v.instrument_id === row.id).map(presentSummary);
  const published = own.filter((v) => v.status === 'published').at(-1);
  const draft = own.find((v) => v.status === 'draft');
  return {
    builtin: false,
    id: row.id,
    key: row.key,
    title: { nl: row.title_nl, en: row.title_en },
    published: published?.publishedAt ? { id: published.id, version: published.version, publishedAt: published.publishedAt } : null,
    draft: draft ? { id: draft.id, version: draft.version, updatedAt: draft.updatedAt } : null,
  };
}
