import type { Actor, ServiceContext } from '../../core/context.ts';
import { type CodingSource, researchCorpus, sourceKey } from './corpus.ts';
import type { MemoView, SegmentView, SourceKind } from './model.ts';
import * as store from './store.ts';

type SegmentRow = Awaited<ReturnType<typeof store.listSegments>>[number];
type MemoRow = NonNullable<Awaited<ReturnType<typeof store.findMemo>>>;

export type VisibleSegment = SegmentView & { source: CodingSource };

/**
 * The segments of material this person may use for research right now. A segment whose source
 * is no longer readable (consent narrowed, withdrawn, reflection consent taken back) is left out,
 * and so is one whose text no longer says what was coded (the story was edited).
 */
export async function visibleSegments(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  filter: { codeId?: string; storyIds?: string[] } = {},
): Promise<{ sources: CodingSource[]; segments: VisibleSegment[] }> {
  const sources = await researchCorpus(ctx, actor, organisationId, filter.storyIds ? { storyIds: filter.storyIds } : {});
  const byKey = new Map(sources.map((s) => [sourceKey(s.kind, s.id), s]));
  const storyIds = [...new Set(sources.map((s) => s.storyId))];
  const rows = await store.listSegments(ctx.db, organisationId, { ...(filter.codeId ? { codeId: filter.codeId } : {}), storyIds });
  const segments: VisibleSegment[] = [];
  for (const row of rows) {
    const source = byKey.get(sourceKey(row.source_kind, row.source_id));
    if (!source || source.text.slice(row.start_offset, row.end_offset) !== row.quote) continue;
    segments.push({ ...segmentViewOf(row, source.title), source });
  }
  return { sources, segments };
}

export const segmentViewOf = (row: SegmentRow, sourceTitle: string): SegmentView => ({
  id: row.id,
  codeId: row.code_id,
  sourceKind: row.source_kind as SourceKind,
  sourceId: row.source_id,
  storyId: row.story_id,
  sourceTitle,
  start: Number(row.start_offset),
  end: Number(row.end_offset),
  quote: row.quote,
  createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '—' } : null,
  createdAt: row.created_at,
});

export const memoViewOf = (row: MemoRow): MemoView => ({
  id: row.id,
  targetKind: row.target_kind as MemoView['targetKind'],
  targetId: row.target_id,
  title: row.title,
  body: row.body,
  createdBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '—' } : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Memos on the project, on codes, and on segments the person may still see. */
export async function visibleMemos(ctx: ServiceContext, organisationId: string, segmentIds: ReadonlySet<string>): Promise<MemoView[]> {
  return (await store.listMemos(ctx.db, organisationId))
    .filter((m) => m.target_kind !== 'segment' || (m.target_id !== null && segmentIds.has(m.target_id)))
    .map(memoViewOf);
}
