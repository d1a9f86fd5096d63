import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import type { CodingCodeTable } from '../../db/tables/coding.ts';
import { recordAudit } from '../audit/service.ts';
import { getFramework } from '../frameworks/service.ts';
import { codingAccess } from './coresearch.ts';
import type { CodeView } from './model.ts';
import * as store from './store.ts';
import { visibleSegments } from './visible.ts';

/** Colours for codes taken from a framework, one after the other (the Tableau 10 palette). */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export const codeViewOf = (row: CodingCodeTable, segmentCount: number): CodeView => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  description: row.description,
  colour: row.colour,
  framework: row.framework_key ? { key: row.framework_key, code: row.framework_code } : null,
  segmentCount,
});

/** For other modules (a signal drawn from a code): whether the code is in the organisation's codebook. No permission check. */
export async function codeExists(ctx: ServiceContext, organisationId: string, codeId: string): Promise<boolean> {
  return (await store.findCode(ctx.db, organisationId, codeId)) !== undefined;
}

/** The codebook, for everyone who codes (co-researchers included); only researchers and admins change it. */
export async function listCodebook(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<CodeView[]> {
  const { reader } = await codingAccess(ctx, actor, organisationId);
  const [rows, { segments }] = await Promise.all([store.listCodes(ctx.db, organisationId), visibleSegments(ctx, reader, organisationId)]);
  const counts = new Map<string, number>();
  for (const s of segments) counts.set(s.codeId, (counts.get(s.codeId) ?? 0) + 1);
  return rows.map((row) => codeViewOf(row, counts.get(row.id) ?? 0));
}

async function checkParent(ctx: ServiceContext, actor: Actor, organisationId: string, codeId: string | null, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const nl = actor.language === 'nl';
  const issue = (message: string) => new AppError('validation_failed', { issues: [{ path: 'parentId', message }] });
  if (parentId === codeId) throw issue(nl ? 'Een code kan niet onder zichzelf staan.' : 'A code cannot sit under itself.');
  const codes = await store.listCodes(ctx.db, organisationId);
  const byId = new Map(codes.map((c) => [c.id, c]));
  if (!byId.has(parentId)) throw issue(nl ? 'Kies een bovenliggende code uit het codeboek.' : 'Choose a parent code from the codebook.');
  // Walking up from the new parent must not meet the code itself: no cycles.
  for (let at: string | null = parentId, steps = 0; at !== null && steps <= codes.length; steps++) {
    if (at === codeId) throw issue(nl ? 'Een code kan niet onder een van haar eigen subcodes staan.' : 'A code cannot sit under one of its own subcodes.');
    at = byId.get(at)?.parent_id ?? null;
  }
}

export async function createCode(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: { name: string; description: string; colour: string; parentId: string | null },
): Promise<CodeView> {
  authorize(actor, 'coding.work', organisationId);
  await checkParent(ctx, actor, organisationId, null, input.parentId);
  const now = ctx.clock.now();
  const row: CodingCodeTable = {
    id: newId(),
    organisation_id: organisationId,
    parent_id: input.parentId,
    name: input.name,
    description: input.description,
    colour: input.colour,
    framework_key: null,
    framework_code: null,
    created_by: actor.userId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await inTransaction(ctx.db, async (trx) => {
    await store.insertCode(trx, row);
    await recordAudit(trx, now, { organisationId, actorUserId: actor.userId, action: 'coding.code_created', subjectType: 'code', subjectId: row.id });
  });
  return codeViewOf(row, 0);
}

export async function updateCode(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  codeId: string,
  input: { name?: string | undefined; description?: string | undefined; colour?: string | undefined; parentId?: string | null | undefined },
): Promise<CodeView> {
  authorize(actor, 'coding.work', organisationId);
  const existing = await store.findCode(ctx.db, organisationId, codeId);
  if (!existing) throw notFound();
  if (input.parentId !== undefined) await checkParent(ctx, actor, organisationId, codeId, input.parentId);
  const now = ctx.clock.now();
  const values = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.colour !== undefined ? { colour: input.colour } : {}),
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    updated_at: now.toISOString(),
  };
  await inTransaction(ctx.db, async (trx) => {
    await store.updateCode(trx, codeId, values);
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.code_updated',
      subjectType: 'code',
      subjectId: codeId,
      details: {
        fields: Object.keys(values)
          .filter((k) => k !== 'updated_at')
          .join(','),
      },
    });
  });
  const updated = (await listCodebook(ctx, actor, organisationId)).find((c) => c.id === codeId);
  if (!updated) throw notFound();
  return updated;
}

/** Deletes a code with its segments and memos; its subcodes move up one level. */
export async function deleteCode(ctx: ServiceContext, actor: Actor, organisationId: string, codeId: string): Promise<void> {
  authorize(actor, 'coding.work', organisationId);
  await inTransaction(ctx.db, async (trx) => {
    const existing = await store.findCode(trx, organisationId, codeId);
    if (!existing) throw notFound();
    await store.deleteMemosOf(trx, organisationId, 'code', codeId);
    await store.deleteCode(trx, codeId, existing.parent_id);
    await recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.code_deleted',
      subjectType: 'code',
      subjectId: codeId,
    });
  });
}

/**
 * Takes a framework (the three logics, the three positions, the nine roles, themes, …) into the
 * codebook: one parent code named after it with a code per framework code. Codes already taken
 * are kept, so doing it twice changes nothing.
 */
export async function addFrameworkCodes(ctx: ServiceContext, actor: Actor, organisationId: string, frameworkKey: string): Promise<CodeView[]> {
  authorize(actor, 'coding.work', organisationId);
  const framework = await getFramework(ctx, actor, organisationId, frameworkKey);
  const lang = actor.language;
  const now = ctx.clock.now();
  const at = now.toISOString();
  let added = 0;
  await inTransaction(ctx.db, async (trx) => {
    let parent = await store.findFrameworkCode(trx, organisationId, framework.key, null);
    if (!parent) {
      parent = {
        id: newId(),
        organisation_id: organisationId,
        parent_id: null,
        name: framework.name[lang],
        description: framework.description[lang],
        colour: '#555555',
        framework_key: framework.key,
        framework_code: null,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      };
      await store.insertCode(trx, parent);
      added++;
    }
    for (const [i, code] of framework.codes.entries()) {
      if (await store.findFrameworkCode(trx, organisationId, framework.key, code.key)) continue;
      await store.insertCode(trx, {
        id: newId(),
        organisation_id: organisationId,
        parent_id: parent.id,
        name: code.label[lang],
        description: code.definition[lang],
        colour: PALETTE[i % PALETTE.length] ?? '#1f77b4',
        framework_key: framework.key,
        framework_code: code.key,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      });
      added++;
    }
    if (added > 0)
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'coding.framework_added',
        subjectType: 'framework',
        subjectId: framework.key,
        details: { key: framework.key, version: framework.version, codes: added },
      });
  });
  return listCodebook(ctx, actor, organisationId);
}
