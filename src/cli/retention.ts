import type { Runtime } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { runRetention } from '../modules/privacy/retention.ts';
import type { RetentionRun } from '../modules/privacy/retention-model.ts';
import { createPhotoStorage } from '../modules/stories/photo-storage.ts';

/** One line per organisation where something was removed, then the totals. */
export function describeRetentionRun(run: RetentionRun): string {
  const lines = run.organisations
    .filter((o) => o.responsesDeleted + o.storiesDeleted + o.notificationsDeleted + o.auditEntriesDeleted > 0)
    .map(
      (o) =>
        `  ${o.organisationId}: ${o.responsesDeleted} response(s) of closed rounds, ${o.storiesDeleted} story(ies) of people who left, ${o.notificationsDeleted} notification(s), ${o.auditEntriesDeleted} audit entry(ies) deleted`,
    );
  return [
    `Retention applied to ${run.organisations.length} organisation(s).`,
    ...lines,
    `  ${run.sessionsDeleted} idle session(s) and ${run.globalAuditEntriesDeleted} audit entry(ies) outside organisations deleted.`,
  ].join('\n');
}

export async function retentionRunCommand(runtime: Runtime): Promise<void> {
  const run = await runRetention(runtime.ctx, await createPhotoStorage(loadConfig()));
  process.stdout.write(`${describeRetentionRun(run)}\n`);
}
