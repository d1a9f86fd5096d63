import type { Actor, ServiceContext } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { chainKeyOf, hashAuditEntry } from './chain.ts';
import type { AuditAction, AuditEventView, AuditVerifyView } from './model.ts';
import * as store from './store.ts';
import { verifyOrganisationChain } from './verify.ts';

export type AuditEntry = {
  organisationId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  /** Ids and codes only: never passwords, tokens, answers or free text. */
  details?: Record<string, string | number | boolean | null>;
};

/**
 * Call inside the same transaction as the change, so there is never a change without its record.
 * The entry is chained to the last one of its organisation's chain while the head is locked.
 */
export async function recordAudit(db: Db, at: Date, entry: AuditEntry): Promise<void> {
  await inTransaction(db, async (trx) => {
    const chainKey = chainKeyOf(entry.organisationId);
    const head = await store.lockChainHead(trx, chainKey);
    const chained = {
      id: newId(),
      organisation_id: entry.organisationId,
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details ?? {}),
      at: at.toISOString(),
      chain_key: chainKey,
      chain_index: head.head_index + 1,
      prev_hash: head.head_hash,
    };
    const hash = hashAuditEntry(chained);
    await store.insertAuditEvent(trx, { ...chained, hash });
    await store.moveChainHead(trx, chainKey, { index: chained.chain_index, hash });
  });
}

export async function listAudit(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  options: { limit: number; before?: number | undefined },
): Promise<{ events: AuditEventView[]; nextBefore: number | null }> {
  authorize(actor, 'audit.view', organisationId);
  const rows = await store.listAuditEvents(ctx.db, organisationId, options);
  const events = rows.map(
    (row): AuditEventView => ({
      id: row.id,
      seq: Number(row.seq),
      at: row.at,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      actor: row.actor_user_id ? { id: row.actor_user_id, displayName: row.actor_name ?? '—' } : null,
      details: JSON.parse(row.details) as Record<string, unknown>,
    }),
  );
  const last = events.at(-1);
  return { events, nextBefore: events.length === options.limit && last ? last.seq : null };
}

const CSV_PAGE = 500;

/** Streams every event of the organisation as CSV rows, newest first, page by page. */
export async function* exportAuditCsv(ctx: ServiceContext, actor: Actor, organisationId: string): AsyncGenerator<string> {
  authorize(actor, 'audit.view', organisationId);
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'audit.exported',
      subjectType: 'organisation',
      subjectId: organisationId,
    }),
  );
  yield `${['seq', 'at', 'action', 'subject_type', 'subject_id', 'actor_id', 'actor_name', 'details'].join(',')}\r\n`;
  let before: number | undefined;
  for (;;) {
    const page = await store.listAuditEvents(ctx.db, organisationId, { limit: CSV_PAGE, before });
    for (const row of page) {
      const cells = [String(row.seq), row.at, row.action, row.subject_type, row.subject_id, row.actor_user_id ?? '', row.actor_name ?? '', row.details];
      yield `${cells.map(csvCell).join(',')}\r\n`;
    }
    if (page.length < CSV_PAGE) return;
    before = Number(page.at(-1)?.seq);
  }
}

/** RFC 4180 quoting, and a leading quote before anything a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Whether the organisation's audit chain is whole, for the admin's audit page (the CLI checks every chain). */
export async function verifyAudit(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<AuditVerifyView> {
  authorize(actor, 'audit.view', organisationId);
  const result = await verifyOrganisationChain(ctx.db, organisationId);
  return {
    intact: result.issues.length === 0,
    entries: result.entries,
    issues: result.issues.map(({ kind, fromIndex, toIndex, seq }) => ({ kind, fromIndex, toIndex, seq })),
  };
}
