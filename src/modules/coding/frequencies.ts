import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize, can } from '../../core/policy.ts';
import { type DisclosedCount, discloseCrossTable, disclosureThreshold, type Localised } from '../analysis/core/index.ts';
import { auditUnsuppressedOrganisationReport } from '../analysis/unsuppressed-view.ts';
import { type Position, positions, type Sector } from '../organisations/model.ts';
import { answerKey, visibleAnswerSegments } from './answers.ts';
import { coderColumns, coderColumnsOf, codingAccess } from './coresearch.ts';
import type { FrequenciesView } from './model.ts';
import * as store from './store.ts';
import { visibleSegments } from './visible.ts';

const UNKNOWN = 'unknown';
export const positionColumns = [...positions, UNKNOWN] as const;
const sectorOrder = ['ggz', 'verslavingszorg', 'jeugdhulp', 'other'];

type Counts = { columns: string[]; rows: { id: string; name: string }[]; counts: number[][] };
/** What a count needs of a text: a story, a reflection or a survey open answer. */
type CountedSource = { kind: string; id: string; position: Position | null; sector: Sector };

/** Distinct sources per code and column: a story or reflection coded twice with one code counts once. */
export function countSources(
  codes: { id: string; name: string }[],
  segments: { codeId: string; source: CountedSource }[],
  columns: string[],
  columnOf: (s: CountedSource) => string,
): Counts {
  const seen = new Map<string, Set<string>>();
  for (const s of segments) {
    const key = `${s.codeId}|${columnOf(s.source)}`;
    const set = seen.get(key) ?? new Set<string>();
    set.add(`${s.source.kind}:${s.source.id}`);
    seen.set(key, set);
  }
  return { columns, rows: codes, counts: codes.map((c) => columns.map((col) => seen.get(`${c.id}|${col}`)?.size ?? 0)) };
}

/** Distinct sources per code and coder column: what one group of coders saw in the code, counted once per text. */
export function countSegmentsBy<S extends { codeId: string; source: CountedSource }>(
  codes: { id: string; name: string }[],
  segments: S[],
  columns: string[],
  columnOf: (s: S) => string,
): Counts {
  const seen = new Map<string, Set<string>>();
  for (const s of segments) {
    const key = `${s.codeId}|${columnOf(s)}`;
    seen.set(key, (seen.get(key) ?? new Set<string>()).add(`${s.source.kind}:${s.source.id}`));
  }
  return { columns, rows: codes, counts: codes.map((c) => columns.map((col) => seen.get(`${c.id}|${col}`)?.size ?? 0)) };
}

const exact = (count: number): DisclosedCount => ({ count, suppressed: null });

function present(table: Counts, suppress: boolean, k: number): { view: FrequenciesView['byPosition']; explanation: Localised[] } {
  if (!suppress || table.rows.length === 0) {
    const rowTotals = table.counts.map((r) => r.reduce((s, v) => s + v, 0));
    return {
      view: {
        columns: table.columns,
        rows: table.rows.map((r, i) => ({ codeId: r.id, name: r.name, cells: (table.counts[i] ?? []).map(exact), total: exact(rowTotals[i] ?? 0) })),
        columnTotals: table.columns.map((_, j) => exact(table.counts.reduce((s, r) => s + (r[j] ?? 0), 0))),
        total: exact(rowTotals.reduce((s, v) => s + v, 0)),
      },
      explanation: [],
    };
  }
  const disclosed = discloseCrossTable(table.counts, k);
  return {
    view: {
      columns: table.columns,
      rows: table.rows.map((r, i) => ({
        codeId: r.id,
        name: r.name,
        cells: disclosed.cells[i] ?? [],
        total: disclosed.rowTotals[i] ?? { count: null, suppressed: null },
      })),
      columnTotals: disclosed.colTotals,
      total: disclosed.total,
    },
    explanation: disclosed.tooFew ? [...(disclosed.placeholder ? [disclosed.placeholder] : []), ...disclosed.explanation] : disclosed.explanation,
  };
}

/**
 * How often each code was used, by the team position of whoever wrote the text, by sector, and by
 * who coded it (researchers, or co-researchers by their team position). Only material shared for
 * research and readable now is counted. People without raw rights (co-researchers included) see
 * small cells suppressed, exactly as in the survey reports; a raw view is audited.
 */
export async function codeFrequencies(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<FrequenciesView> {
  // Co-researchers see the counts of what they code; other members do not.
  const reader = can(actor, 'coding.frequencies', organisationId) ? actor : (await codingAccess(ctx, actor, organisationId)).reader;
  authorize(reader, 'coding.frequencies', organisationId);
  const suppress = !can(actor, 'reports.raw', organisationId);
  const [codes, { sources, segments: storySegments }, answers, sector] = await Promise.all([
    store.listCodes(ctx.db, organisationId),
    visibleSegments(ctx, reader, organisationId),
    // Survey open answers count for researchers and admins only (coding/answers.ts); respondents have no known position.
    visibleAnswerSegments(ctx, actor, organisationId),
    store.organisationSector(ctx.db, organisationId),
  ]);
  const answerSource = (a: { responseId: string; question: string }): CountedSource => ({
    kind: 'answer',
    id: answerKey(a.responseId, a.question),
    position: null,
    sector: (sector ?? 'other') as Sector,
  });
  const segments: { codeId: string; source: CountedSource; createdBy: { id: string } | null }[] = [
    ...storySegments,
    ...answers.segments.map((s) => ({ codeId: s.codeId, source: answerSource(s), createdBy: s.createdBy })),
  ];
  const coders = await coderColumnsOf(ctx, organisationId, [...new Set(segments.flatMap((s) => (s.createdBy ? [s.createdBy.id] : [])))]);
  const k = disclosureThreshold(await store.findThreshold(ctx.db, organisationId));
  const rows = codes.map((c) => ({ id: c.id, name: c.name }));
  const sectors = sectorOrder.filter((s) => sources.some((src) => src.sector === s) || (answers.segments.length > 0 && s === sector));
  const byPosition = present(
    countSources(rows, segments, [...positionColumns], (s) => s.position ?? UNKNOWN),
    suppress,
    k,
  );
  const bySector = present(
    countSources(rows, segments, sectors, (s) => s.sector),
    suppress,
    k,
  );
  const byCoder = present(
    countSegmentsBy(rows, segments, [...coderColumns], (s) => (s.createdBy ? (coders.get(s.createdBy.id) ?? 'unknown') : 'unknown')),
    suppress,
    k,
  );
  if (!suppress) await auditUnsuppressedOrganisationReport(ctx, actor, organisationId, 'code_frequencies');
  const explanation = [...byPosition.explanation, ...bySector.explanation, ...byCoder.explanation].filter(
    (e, i, all) => all.findIndex((x) => x.nl === e.nl) === i,
  );
  return {
    unit: 'sources',
    byPosition: byPosition.view,
    bySector: bySector.view,
    byCoder: byCoder.view,
    disclosure: { suppressed: suppress, threshold: k, explanation },
  };
}
