import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, conflict, type FieldIssue, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { recordAudit } from '../audit/service.ts';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { Framework } from '../frameworks/model.ts';
import { resolveFramework } from '../frameworks/service.ts';
import { builtinInstruments } from './builtin/cocreatie-in-beeld.ts';
import type { InstrumentDefinition } from './definition.ts';
import type { BuiltinInstrumentView, CreateInstrumentInput, InstrumentDetailView, InstrumentListItemView, VersionView } from './model.ts';
import { presentDetail, presentListItem, presentVersion } from './present.ts';
import { type FrameworkLookup, frameworkReferences, type ResolvedInstrument, resolveInstrument } from './resolve.ts';
import * as store from './store.ts';
import { localiseIssues, parseDefinition, pathString, publishIssues } from './validation.ts';

/** What other modules get: a published version, complete in itself, and whose it is. */
export type PublishedInstrumentVersion = {
  id: string;
  instrumentId: string;
  organisationId: string;
  key: string;
  version: number;
  publishedAt: string;
  definition: InstrumentDefinition;
  instrument: ResolvedInstrument;
};

const prefixed = (issues: FieldIssue[]): FieldIssue[] => issues.map((i) => ({ ...i, path: i.path ? `definition.${i.path}` : 'definition' }));
const invalid = (issues: FieldIssue[]) => new AppError('validation_failed', { issues });
const keyTaken = (lang: Language) =>
  invalid([
    {
      path: 'key',
      message:
        lang === 'nl' ? 'Er is al een vragenlijst met deze sleutel. Kies een andere.' : 'There is already a questionnaire with this key. Choose another one.',
    },
  ]);

/**
 * The frameworks a definition draws from, as the organisation sees them (its own under a key, or
 * the built-in one), fetched up front so resolving stays pure.
 */
async function lookupFor(ctx: ServiceContext, organisationId: string, definition: InstrumentDefinition): Promise<FrameworkLookup> {
  const found = new Map<string, Framework | undefined>();
  for (const ref of frameworkReferences(definition))
    found.set(`${ref.framework}@${ref.version}`, await resolveFramework(ctx, organisationId, ref.framework, ref.version));
  return (key, version) => found.get(`${key}@${version}`);
}

/** Parses and resolves a definition someone sent; refuses it with every problem in their language. */
async function checkedDefinition(ctx: ServiceContext, organisationId: string, raw: unknown, key: string, lang: Language) {
  const parsed = parseDefinition(raw, lang);
  if (!parsed.ok) throw invalid(prefixed(parsed.issues));
  // The key belongs to the instrument, not to one version of it.
  const definition = { ...parsed.definition, key };
  const resolved = resolveInstrument(definition, await lookupFor(ctx, organisationId, definition));
  if (!resolved.ok) throw invalid(prefixed(localiseIssues(resolved.issues, lang)));
  return { definition, instrument: resolved.instrument };
}

let builtinCache: BuiltinInstrumentView[] | undefined;

/** The built-in forms, with their framework options written out. */
export function listBuiltinInstruments(): BuiltinInstrumentView[] {
  builtinCache ??= builtinInstruments.map((definition) => {
    const resolved = resolveInstrument(definition, (key, version) => getBuiltinFramework(key, version));
    if (!resolved.ok) throw new Error(`Built-in instrument ${definition.key} does not resolve: ${pathString(resolved.issues[0]?.path ?? [])}`);
    return { key: definition.key, title: definition.title, definition, resolved: resolved.instrument };
  });
  return builtinCache;
}

/** The built-in forms first (to copy), then the organisation's own instruments. */
export async function listInstruments(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<InstrumentListItemView[]> {
  authorize(actor, 'instruments.view', organisationId);
  const [rows, versions] = await Promise.all([store.listInstruments(ctx.db, organisationId), store.listVersionSummariesOfOrganisation(ctx.db, organisationId)]);
  const builtins = listBuiltinInstruments().map(
    (b): InstrumentListItemView => ({ builtin: true, id: null, key: b.key, title: b.title, published: null, draft: null }),
  );
  return [...builtins, ...rows.map((row) => presentListItem(row, versions))];
}

export async function createInstrument(ctx: ServiceContext, actor: Actor, organisationId: string, input: CreateInstrumentInput): Promise<InstrumentDetailView> {
  authorize(actor, 'instruments.manage', organisationId);
  const source = 'copyOf' in input ? builtinInstruments.find((b) => b.key === input.copyOf) : undefined;
  const key = input.key ?? source?.key ?? '';
  const title = input.title ?? source?.title ?? { nl: key, en: '' };
  const definition: InstrumentDefinition = source ? { ...source, key, title } : { key, title, intro: { nl: '', en: '' }, sections: [] };
  const now = ctx.clock.now().toISOString();
  const id = newId();
  try {
    await inTransaction(ctx.db, async (trx) => {
      if (await store.findInstrumentByKey(trx, organisationId, key)) throw keyTaken(actor.language);
      await store.insertInstrument(trx, {
        id,
        organisation_id: organisationId,
        key,
        title_nl: title.nl,
        title_en: title.en,
        created_by: actor.userId,
        created_at: now,
      });
      await store.insertVersion(trx, {
        id: newId(),
        instrument_id: id,
        version: 1,
        status: 'draft',
        definition: JSON.stringify(definition),
        resolved_definition: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        published_at: null,
        published_by: null,
      });
      await recordAudit(trx, ctx.clock.now(), {
        organisationId,
        actorUserId: actor.userId,
        action: 'instrument.created',
        subjectType: 'instrument',
        subjectId: id,
        details: { key, copyOf: source?.key ?? null },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(actor.language);
    throw error;
  }
  return getInstrument(ctx, actor, organisationId, id);
}

async function instrumentOf(db: Db, organisationId: string, instrumentId: string) {
  const instrument = await store.findInstrument(db, organisationId, instrumentId);
  if (!instrument) throw notFound();
  return instrument;
}

async function versionOf(db: Db, organisationId: string, instrumentId: string, version: number) {
  const instrument = await instrumentOf(db, organisationId, instrumentId);
  const row = await store.findVersion(db, instrumentId, version);
  if (!row) throw notFound();
  return { instrument, row };
}

export async function getInstrument(ctx: ServiceContext, actor: Actor, organisationId: string, instrumentId: string): Promise<InstrumentDetailView> {
  authorize(actor, 'instruments.view', organisationId);
  const instrument = await instrumentOf(ctx.db, organisationId, instrumentId);
  return presentDetail(instrument, await store.listVersionSummaries(ctx.db, instrumentId));
}

/** The id of the organisation's own instrument with this key, if there is one. */
export async function findInstrumentIdByKey(ctx: ServiceContext, actor: Actor, organisationId: string, key: string): Promise<string | undefined> {
  authorize(actor, 'instruments.view', organisationId);
  return (await store.findInstrumentByKey(ctx.db, organisationId, key))?.id;
}

export async function getVersion(ctx: ServiceContext, actor: Actor, organisationId: string, instrumentId: string, version: number): Promise<VersionView> {
  authorize(actor, 'instruments.view', organisationId);
  return presentVersion((await versionOf(ctx.db, organisationId, instrumentId, version)).row);
}

/**
 * Starts editing: the draft when there is one, otherwise a new draft (the next version number)
 * with the latest published definition. Asking twice gives the same draft.
 */
export async function startDraft(ctx: ServiceContext, actor: Actor, organisationId: string, instrumentId: string): Promise<VersionView> {
  authorize(actor, 'instruments.manage', organisationId);
  try {
    return await inTransaction(ctx.db, async (trx) => {
      await instrumentOf(trx, organisationId, instrumentId);
      const draft = await store.findDraft(trx, instrumentId);
      if (draft) return presentVersion(draft);
      const latest = await store.findLatestVersion(trx, instrumentId);
      if (!latest) throw notFound();
      const now = ctx.clock.now().toISOString();
      const row = {
        ...latest,
        id: newId(),
        version: latest.version + 1,
        status: 'draft' as const,
        resolved_definition: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        published_at: null,
        published_by: null,
      };
      await store.insertVersion(trx, row);
      await recordAudit(trx, ctx.clock.now(), {
        organisationId,
        actorUserId: actor.userId,
        action: 'instrument.draft_created',
        subjectType: 'instrument',
        subjectId: instrumentId,
        details: { version: row.version },
      });
      return presentVersion(row);
    });
  } catch (error) {
    // Someone else started the draft at the same moment: theirs is the draft.
    if (!isUniqueViolation(error)) throw error;
    const draft = await store.findDraft(ctx.db, instrumentId);
    if (!draft) throw error;
    return presentVersion(draft);
  }
}

/** Saves a draft's definition. A published version never changes: saving it is a conflict. */
export async function saveDraft(
  ctx: ServiceContext,
  actor: Actor,
  { organisationId, instrumentId, version, rawDefinition }: { organisationId: string; instrumentId: string; version: number; rawDefinition: unknown },
): Promise<VersionView> {
  authorize(actor, 'instruments.manage', organisationId);
  const { instrument, row } = await versionOf(ctx.db, organisationId, instrumentId, version);
  if (row.status !== 'draft') throw conflict('instruments.version_published');
  const { definition } = await checkedDefinition(ctx, organisationId, rawDefinition, instrument.key, actor.language);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    if (!(await store.updateDraftDefinition(trx, row.id, JSON.stringify(definition), now))) throw conflict('instruments.version_published');
    await store.updateInstrumentTitle(trx, instrumentId, definition.title);
  });
  return getVersion(ctx, actor, organisationId, instrumentId, version);
}

/**
 * Publishes the draft: checked once more against the frameworks as they are now, and stored with
 * its framework options written out, so it stays exactly what respondents saw.
 */
export async function publishVersion(ctx: ServiceContext, actor: Actor, organisationId: string, instrumentId: string, version: number): Promise<VersionView> {
  authorize(actor, 'instruments.manage', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const { instrument, row } = await versionOf(trx, organisationId, instrumentId, version);
    if (row.status !== 'draft') throw conflict('instruments.version_published');
    const saved = JSON.parse(row.definition) as unknown;
    const { definition, instrument: resolved } = await checkedDefinition({ ...ctx, db: trx }, organisationId, saved, instrument.key, actor.language);
    const unfinished = publishIssues(definition);
    if (unfinished.length > 0) throw invalid(prefixed(localiseIssues(unfinished, actor.language)));
    const now = ctx.clock.now();
    if (!(await store.markPublished(trx, row.id, JSON.stringify(resolved), now.toISOString(), actor.userId))) throw conflict('instruments.version_published');
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'instrument.published',
      subjectType: 'instrument',
      subjectId: instrumentId,
      details: { version, versionId: row.id },
    });
  });
  return getVersion(ctx, actor, organisationId, instrumentId, version);
}

/**
 * For other modules (distributions, the respondent form, analysis): a published version by id.
 * No permission check, and no organisation filter: check `organisationId` against your own scope.
 */
export async function getPublishedVersion(ctx: ServiceContext, versionId: string): Promise<PublishedInstrumentVersion> {
  const row = await store.findPublishedVersion(ctx.db, versionId);
  if (!row?.resolved_definition || !row.published_at) throw notFound();
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    organisationId: row.organisation_id,
    key: row.key,
    version: Number(row.version),
    publishedAt: row.published_at,
    definition: JSON.parse(row.definition) as InstrumentDefinition,
    instrument: JSON.parse(row.resolved_definition) as ResolvedInstrument,
  };
}

/** For other modules: the newest published version of the organisation's instrument with this key, or undefined. */
export async function latestPublishedVersionByKey(ctx: ServiceContext, organisationId: string, key: string): Promise<PublishedInstrumentVersion | undefined> {
  const id = await store.findLatestPublishedIdByKey(ctx.db, organisationId, key);
  return id ? getPublishedVersion(ctx, id) : undefined;
}
