import type { ServiceContext } from '../../core/context.ts';
import type { MeetingView, PromptView } from './model.ts';
import { promptView } from './present.ts';
import { type PromptResultsView, resultsOf } from './results-service.ts';
import * as store from './store.ts';

/** What a presenter screen or a facilitator panel receives live: aggregated counts only, never single answers. */
export type LiveSnapshot = {
  meeting: Pick<MeetingView, 'id' | 'title' | 'status' | 'pacing' | 'joinCode' | 'currentIndex'> & { promptCount: number };
  prompt: PromptView | null;
  results: PromptResultsView | null;
  joined: number;
};

export async function liveSnapshot(ctx: ServiceContext, meetingId: string): Promise<LiveSnapshot | undefined> {
  // Read at the same time: on PostgreSQL each is a round trip, on a connection of its own.
  const [meeting, prompts] = await Promise.all([store.findMeetingById(ctx.db, meetingId), store.listPrompts(ctx.db, meetingId)]);
  if (!meeting) return undefined;
  const row = prompts[meeting.current_index];
  const prompt = row ? promptView(row) : null;
  const results = prompt ? await resultsOf(ctx, meeting, prompt) : null;
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status as LiveSnapshot['meeting']['status'],
      pacing: meeting.pacing as LiveSnapshot['meeting']['pacing'],
      joinCode: meeting.join_code,
      currentIndex: meeting.current_index,
      promptCount: prompts.length,
    },
    prompt,
    results,
    joined: results?.joined ?? (await store.countParticipants(ctx.db, meetingId)),
  };
}

/** Calls fn at most once per `ms`, with the latest call's effect (trailing): a burst of answers is one update. */
export function throttle(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    call: () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Runs fn at once when called after a quiet spell, then at most once per `ms`, and never twice at the
 * same time: calls while it runs or within the window become one more run at the window's end. A
 * presenter sees the first answer at once and then one aggregated update per window, however many came.
 */
export function coalesce(fn: () => Promise<void>, ms: number): { call: () => void; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let last = Number.NEGATIVE_INFINITY;
  let cancelled = false;
  const run = async () => {
    timer = undefined;
    running = true;
    last = Date.now();
    try {
      await fn();
    } catch {
      // A failed update is followed by the next one.
    } finally {
      running = false;
      if (again && !cancelled) {
        again = false;
        call();
      }
    }
  };
  const call = () => {
    if (cancelled) return;
    if (running) {
      again = true;
      return;
    }
    timer ??= setTimeout(() => void run(), Math.max(0, last + ms - Date.now()));
  };
  return {
    call,
    cancel: () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
