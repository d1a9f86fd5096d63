import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import type { RetentionSettingsTable } from '../../db/schema.ts';
import { chainKeyOf } from '../audit/chain.ts';
import { pruneAuditChain } from '../audit/prune.ts';
import { recordAudit } from '../audit/service.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { defaultRetention, type RetentionReport, type RetentionRun, type RetentionSettings, type RetentionView } from './retention-model.ts';
import * as store from './retention-store.ts';

const fromRow = (row: RetentionSettingsTable): RetentionSettings => ({
  rawAnswersDays: row.raw_answers_days,
  leaverStoriesDays: row.leaver_stories_days,
  sessionsDays: row.sessions_days,
  logsDays: row.logs_days,
  auditDays: row.audit_days,
});

export async function settingsOf(ctx: Pick<ServiceContext, 'db'>, organisationId: string): Promise<RetentionView> {
  const row = await store.findSettings(ctx.db, organisationId);
  return row ? { ...fromRow(row), isDefault: false } : { ...defaultRetention, isDefault: true };
}

export async function getRetention(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<RetentionView> {
  authorize(actor, 'privacy.manage', organisationId);
  return settingsOf(ctx, organisationId);
}

export async function updateRetention(ctx: ServiceContext, actor: Actor, organisationId: string, input: RetentionSettings): Promise<RetentionView> {
  authorize(actor, 'privacy.manage', organisationId);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    await store.saveSettings(trx, {
      organisation_id: organisationId,
      raw_answers_days: input.rawAnswersDays,
      leaver_stories_days: input.leaverStoriesDays,
      sessions_days: input.sessionsDays,
      logs_days: input.logsDays,
      audit_days: input.auditDays,
      updated_at: now.toISOString(),
    });
    await recordAudit(trx, now, {
      organisationId,
      actorUserId: actor.userId,
      action: 'retention.updated',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { ...input },
    });
  });
  return settingsOf(ctx, organisationId);
}

const DAY = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/**
 * The retention job: per organisation, deletes what is past its time and records counts (never
 * what) in the audit trail. Also run by `npx kruisbestuiving retention run`.
 */
export async function runRetention(ctx: ServiceContext, storage: PhotoStorage): Promise<RetentionRun> {
  const now = ctx.clock.now();
  const organisations: RetentionReport[] = [];
  let sessionsDeleted = 0;
  let longestAudit = defaultRetention.auditDays;
  const settings = new Map((await store.allSettings(ctx.db)).map((row) => [row.organisation_id, fromRow(row)]));
  for (const organisationId of await store.organisationIds(ctx.db)) {
    const s = settings.get(organisationId) ?? defaultRetention;
    longestAudit = Math.max(longestAudit, s.auditDays);
    const photoKeys: string[] = [];
    const report = await inTransaction(ctx.db, async (trx) => {
      const responsesDeleted = await store.deleteRawAnswers(trx, organisationId, daysBefore(now, s.rawAnswersDays).toISOString().slice(0, 10));
      const stories = await store.storiesOfLeavers(trx, organisationId, daysBefore(now, s.leaverStoriesDays).toISOString());
      await store.deleteStories(
        trx,
        stories.map((story) => story.id),
      );
      photoKeys.push(...stories.flatMap((story) => (story.photo_key ? [story.photo_key] : [])));
      sessionsDeleted += await store.deleteIdleSessions(trx, organisationId, daysBefore(now, s.sessionsDays).toISOString());
      const notificationsDeleted = await store.deleteOldNotifications(trx, organisationId, daysBefore(now, s.logsDays).toISOString());
      return { organisationId, responsesDeleted, storiesDeleted: stories.length, notificationsDeleted, auditEntriesDeleted: 0 };
    });
    for (const key of photoKeys) await storage.delete(key);
    report.auditEntriesDeleted = await pruneAuditChain(ctx.db, chainKeyOf(organisationId), daysBefore(now, s.auditDays), now);
    const { organisationId: _id, ...counts } = report;
    if (Object.values(counts).some((n) => n > 0)) {
      await recordAudit(ctx.db, now, {
        organisationId,
        actorUserId: null,
        action: 'retention.applied',
        subjectType: 'organisation',
        subjectId: organisationId,
        details: counts,
      });
    }
    organisations.push(report);
  }
  sessionsDeleted += await store.deleteIdleSessions(ctx.db, null, daysBefore(now, defaultRetention.sessionsDays).toISOString());
  // Logins and new accounts belong to no organisation: kept as long as the longest choice of any.
  const globalAuditEntriesDeleted = await pruneAuditChain(ctx.db, chainKeyOf(null), daysBefore(now, longestAudit), now);
  return { organisations, sessionsDeleted, globalAuditEntriesDeleted };
}
