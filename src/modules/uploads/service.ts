import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import * as store from './store.ts';

export type UploadKind = 'photo' | 'import';

/**
 * Counts one upload of this kind for the person and refuses it (rate_limited) beyond `perHour` in
 * the current clock hour. Counted before the file is looked at, so refused files count too: a
 * flood of bad files is held back like a flood of good ones.
 */
export async function takeUploadAllowance(ctx: ServiceContext, userId: string, kind: UploadKind, perHour: number): Promise<void> {
  const hour = new Date(ctx.clock.now());
  hour.setUTCMinutes(0, 0, 0);
  const windowStart = hour.toISOString();
  const count = await store.countUpload(ctx.db, userId, kind, windowStart);
  if (count === 1) await store.forgetWindowsBefore(ctx.db, userId, windowStart);
  if (count > perHour) throw new AppError('rate_limited');
}
