import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from '../../core/context.ts';
import type { PhotoStorage } from '../stories/photo-storage.ts';
import { runRetention } from './retention.ts';

const DAY_MS = 86_400_000;

/**
 * Runs the retention job a minute after start and then once a day. Several app nodes may each run
 * it: every step is idempotent and the audit chain's lock keeps the trail whole. Logs counts only.
 */
export function scheduleRetention(ctx: ServiceContext, storage: PhotoStorage, log: FastifyBaseLogger, firstAfterMs = 60_000): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const result = await runRetention(ctx, storage);
      const total = (key: 'responsesDeleted' | 'storiesDeleted' | 'notificationsDeleted' | 'auditEntriesDeleted') =>
        result.organisations.reduce((sum, o) => sum + o[key], 0);
      log.info(
        {
          retention: {
            organisations: result.organisations.length,
            responsesDeleted: total('responsesDeleted'),
            storiesDeleted: total('storiesDeleted'),
            notificationsDeleted: total('notificationsDeleted'),
            auditEntriesDeleted: total('auditEntriesDeleted') + result.globalAuditEntriesDeleted,
            sessionsDeleted: result.sessionsDeleted,
          },
        },
        'retention job done',
      );
    } catch (error) {
      log.error({ err: error }, 'retention job failed');
    }
    timer = setTimeout(run, DAY_MS);
    timer.unref();
  };
  timer = setTimeout(run, firstAfterMs);
  timer.unref();
  return () => clearTimeout(timer);
}
