import type { ServiceContext } from '../../core/context.ts';
import * as store from './store.ts';

/**
 * What waits for one person in their trajectories, worked out from what is true now (for the start
 * page): the newest charter version they have not signed, and the agreements they own that are due
 * for review within `days` days (or overdue). Only the person's own teams and agreements.
 */
export async function trajectoryWaiting(ctx: ServiceContext, organisationId: string, userId: string, today: string, days: number) {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const [charters, reviews] = await Promise.all([
    store.unsignedLatestCharters(ctx.db, organisationId, userId),
    store.reviewsOwnedUntil(ctx.db, organisationId, userId, until),
  ]);
  return {
    charters: charters.map((c) => ({ trajectoryId: c.trajectoryId, title: c.title, version: Number(c.version) })),
    reviews: reviews.map((r) => ({ agreementId: r.id, trajectoryId: r.trajectoryId, title: r.title || r.topic, reviewOn: r.review_on as string })),
  };
}
