import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, forbidden, notFound } from '../../core/errors.ts';
import { inTransaction } from '../../db/database.ts';
import { recordAudit } from '../audit/service.ts';
import { codeViewOf } from './codebook.ts';
import { codingAccess } from './coresearch.ts';
import { researchCorpus, sourceKey } from './corpus.ts';
import type { MemoView, SegmentInput, SegmentView } from './model.ts';
import { alreadyCoded, newSegmentFields } from './segment-checks.ts';
import * as store from './store.ts';
import { paragraphs, sentences } from './text-units.ts';
import { segmentViewOf, visibleMemos, visibleSegments } from './visible.ts';

/** The stories and reflections this person may code now, with how many segments each has. */
export async function listSources(ctx: ServiceContext, actor: Actor, organisationId: string) {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  const { sources, segments } = await visibleSegments(ctx, reader, organisationId);
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(sourceKey(s.sourceKind, s.sourceId), (counts.get(sourceKey(s.sourceKind, s.sourceId)) ?? 0) + 1);
  return sources.map((s) => ({
    kind: s.kind,
    id: s.id,
    storyId: s.storyId,
    title: s.title,
    position: s.position,
    sector: s.sector,
    length: s.text.length,
    segmentCount: counts.get(sourceKey(s.kind, s.id)) ?? 0,
  }));
}

/** A story and its reflections shared for research, each with its text and its segments: the coding page. */
export async function storyForCoding(ctx: ServiceContext, actor: Actor, organisationId: string, storyId: string) {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  const { sources, segments } = await visibleSegments(ctx, reader, organisationId, { storyIds: [storyId] });
  const story = sources.find((s) => s.kind === 'story' && s.id === storyId);
  if (!story) throw notFound();
  const strip = ({ source: _source, ...segment }: (typeof segments)[number]): SegmentView => segment;
  return {
    storyId,
    title: story.title,
    pseudonym: story.pseudonym,
    sector: story.sector,
    sources: sources.map((s) => ({
      kind: s.kind,
      id: s.id,
      title: s.title,
      position: s.position,
      text: s.text,
      units: [...paragraphs(s.text), ...sentences(s.text)].map(({ kind, start, end }) => ({ kind, start, end })),
      segments: segments.filter((seg) => seg.sourceKind === s.kind && seg.sourceId === s.id).map(strip),
    })),
  };
}

/** Codes a stretch of a story or reflection; the quote is taken from the text as the stories module gives it now. */
export async function createSegment(ctx: ServiceContext, actor: Actor, organisationId: string, input: SegmentInput): Promise<SegmentView> {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  const sourceId = input.sourceKind === 'story' ? input.storyId : input.sourceId;
  const nl = actor.language === 'nl';
  if (!sourceId)
    throw new AppError('validation_failed', {
      issues: [{ path: 'sourceId', message: nl ? 'Kies de reflectie die je codeert.' : 'Choose the reflection you are coding.' }],
    });
  const sources = await researchCorpus(ctx, reader, organisationId, { storyIds: [input.storyId] });
  const source = sources.find((s) => s.kind === input.sourceKind && s.id === sourceId);
  if (!source) throw notFound();
  const { now, fields } = await newSegmentFields(ctx, actor, organisationId, input, source.text);
  const row = { ...fields, source_kind: source.kind, source_id: source.id, story_id: source.storyId };
  await inTransaction(ctx.db, async (trx) => {
    if (await store.findSameSegment(trx, row)) throw alreadyCoded(nl);
    await store.insertSegment(trx, row);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.segment_created',
      subjectType: 'segment',
      subjectId: row.id,
      details: { codeId: row.code_id, sourceKind: source.kind, storyId: source.storyId },
    });
  });
  const created = await store.findSegment(ctx.db, organisationId, row.id);
  if (!created) throw notFound();
  return segmentViewOf(created, source.title);
}

export async function deleteSegment(ctx: ServiceContext, actor: Actor, organisationId: string, segmentId: string): Promise<void> {
  const { reader, coResearcher } = await codingAccess(ctx, actor, organisationId);
  const row = await store.findSegment(ctx.db, organisationId, segmentId);
  if (!row) throw notFound();
  // Only segments of material the person may still read can be reached at all.
  const sources = await researchCorpus(ctx, reader, organisationId, { storyIds: [row.story_id] });
  if (!sources.some((s) => s.kind === row.source_kind && s.id === row.source_id)) throw notFound();
  // A co-researcher takes back only their own codes.
  if (coResearcher && row.created_by !== actor.userId) throw forbidden();
  await inTransaction(ctx.db, async (trx) => {
    await store.deleteMemosOf(trx, organisationId, 'segment', segmentId);
    await store.deleteSegment(trx, segmentId);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.segment_deleted',
      subjectType: 'segment',
      subjectId: segmentId,
      details: { codeId: row.code_id },
    });
  });
}

/** A code with every segment coded with it (in material the person may read now) and its memos. */
export async function codeDetail(ctx: ServiceContext, actor: Actor, organisationId: string, codeId: string) {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  const code = await store.findCode(ctx.db, organisationId, codeId);
  if (!code) throw notFound();
  const { segments } = await visibleSegments(ctx, reader, organisationId, { codeId });
  const ids = new Set(segments.map((s) => s.id));
  const memos = (await visibleMemos(ctx, organisationId, ids)).filter(
    (m: MemoView) => (m.targetKind === 'code' && m.targetId === codeId) || (m.targetKind === 'segment' && m.targetId !== null && ids.has(m.targetId)),
  );
  return { code: codeViewOf(code, segments.length), segments: segments.map(({ source: _source, ...s }) => s), memos };
}
