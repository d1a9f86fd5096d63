import type { Actor, ServiceContext } from '../../core/context.ts';
import { liveMeetingsFor } from '../meetings/service.ts';
import { openRoundsForTeamsOf } from '../rounds/service.ts';
import { listNotifications as signalNotifications } from '../signals/notifications.ts';
import { trajectoryWaiting } from '../trajecten/waiting-service.ts';
import type { WaitingItemView } from './model.ts';
import { waitingText } from './texts.ts';

/** How far ahead a review date someone owns shows up on their start page. */
export const REVIEW_DAYS_AHEAD = 14;

/**
 * What waits for a person now, worked out from the current state of each module (nothing stored):
 * a charter version to sign, a theme to check, an open round for their team, a review date they
 * own, a meeting of their team that is on. Gone as soon as it is done.
 */
export async function waitingFor(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<WaitingItemView[]> {
  const lang = actor.language;
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const base = `/o/${organisationId}`;
  const [trajecten, rounds, meetings, signals] = await Promise.all([
    trajectoryWaiting(ctx, organisationId, actor.userId, today, REVIEW_DAYS_AHEAD),
    openRoundsForTeamsOf(ctx, organisationId, actor.userId),
    liveMeetingsFor(ctx, organisationId, actor.userId),
    signalNotifications(ctx, actor, organisationId),
  ]);
  const checks = signals.notifications.filter((n) => n.kind === 'member_check_requested' && n.status === 'member_check' && !n.read);
  const seenChecks = new Set<string>();
  return [
    ...trajecten.charters.map((c) => ({
      kind: 'charter_to_sign' as const,
      text: waitingText('charter_to_sign', { title: c.title, version: c.version }, lang),
      link: `${base}/trajecten/${c.trajectoryId}/kader/${c.version}`,
      due: null,
    })),
    ...checks
      .filter((n) => !seenChecks.has(n.signalId) && seenChecks.add(n.signalId))
      .map((n) => ({
        kind: 'member_check' as const,
        text: waitingText('member_check', { title: n.signalTitle }, lang),
        link: `${base}/kruisbestuiving/signalen/${n.signalId}`,
        due: null,
      })),
    ...meetings.map((m) => ({ kind: 'meeting_live' as const, text: waitingText('meeting_live', { title: m.title }, lang), link: m.path, due: null })),
    ...rounds.map((r) => ({
      kind: 'round_open' as const,
      text: waitingText('round_open', { title: r.name, due: r.closesOn }, lang),
      link: r.path,
      due: r.closesOn,
    })),
    ...trajecten.reviews.map((r) => ({
      kind: 'review_due' as const,
      text: waitingText('review_due', { title: r.title, due: r.reviewOn }, lang),
      link: `${base}/trajecten/${r.trajectoryId}`,
      due: r.reviewOn,
    })),
  ];
}
