import type { ServiceContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { Language } from '../../core/language.ts';
import { errorMessages } from '../../core/messages.ts';
import type { MeetingParticipantTable } from '../../db/tables/meetings.ts';
import type { AnonymousErrorReport } from '../../http/anonymous.ts';
import { liveAnswerFields, one, parseAnswerFields } from './answer-fields.ts';
import type { MeetingBus } from './events.ts';
import { peekMeetingByCode } from './hot-cache.ts';
import { meetingMessages } from './page/messages.ts';
import { answer, meetingByCode, placeAfterAnswer } from './participant.ts';
import { participantHome } from './participant-http.ts';

/**
 * An answer sent as a message on the participant page's live socket (with JavaScript): the same form
 * fields, checks and one-answer-per-prompt rule as the form post, without a request per answer. The
 * participant was identified once, when the socket opened (their cookie). The reply is sent only
 * after the answer's transaction has committed (the group commit in participant.answer), so "saved"
 * means on disk; the page falls back to the form post when the socket is not open or no reply comes.
 */

export type LiveAnswerReply =
  | { kind: 'saved'; clientId: string; outcome: 'saved' | 'changed' | 'unchanged'; message: string; href: string }
  | { kind: 'refused'; clientId?: string; message: string };

export type AnswerSocket = {
  ctx: ServiceContext;
  bus: MeetingBus;
  /** Unexpected errors are counted and reported once an hour, never logged one by one (http/anonymous.ts). */
  errors: AnonymousErrorReport;
  code: string;
  lang: Language;
  participant: MeetingParticipantTable | undefined;
  /** Messages allowed per minute on one socket (the per-client limit of the meeting pages). */
  perMinute: number;
};

/** Counts a socket's messages per minute; false once over the limit. */
export function messageBudget(perMinute: number): () => boolean {
  let windowStart = 0;
  let used = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    return used <= perMinute;
  };
}

const refusal = (message: string, clientId: string | undefined): LiveAnswerReply =>
  clientId ? { kind: 'refused', clientId, message } : { kind: 'refused', message };

export async function answerOverSocket(s: AnswerSocket, data: string, withinBudget: boolean): Promise<LiveAnswerReply> {
  const t = meetingMessages(s.lang);
  if (!withinBudget) return { kind: 'refused', message: errorMessages.rate_limited[s.lang] };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'refused', message: t.invalid };
  }
  const fields = liveAnswerFields(json);
  if (!fields) return { kind: 'refused', message: t.invalid };
  const parsed = parseAnswerFields(fields);
  if ('refused' in parsed) return refusal(t[parsed.refused], undefined);
  const clientId = parsed.clientId;
  // The meeting as it is now (cached for half a second, renewed by every change): it may have closed.
  // Mostly in memory already: then read without waiting for a promise.
  const meeting = peekMeetingByCode(s.ctx.db, s.code) ?? (await meetingByCode(s.ctx, s.code));
  if (!s.participant || meeting?.id !== s.participant.meeting_id) return refusal(t.notJoined, clientId);
  let outcome: Awaited<ReturnType<typeof answer>>;
  try {
    outcome = await answer(s.ctx, meeting, s.participant, { promptId: parsed.promptId, clientId, raw: parsed.value });
  } catch (error) {
    if (error instanceof AppError && error.id === 'conflict') return refusal(t.notOpen, clientId);
    if (error instanceof AppError && (error.id === 'validation_failed' || error.id === 'not_found')) return refusal(t.invalid, clientId);
    // Not saved (the transaction failed): counted by kind, without the participant, the message or the time.
    s.errors.record('/m/:code/ws', error as Error);
    return refusal(t.notSaved, clientId);
  }
  if (outcome !== 'unchanged') void s.bus.publish({ meetingId: meeting.id, kind: 'answers' }).catch(() => {});
  const p = one(fields.p);
  const href = participantHome(meeting.join_code, s.lang, p === undefined ? '&saved=1' : `&saved=1${await placeAfterAnswer(s.ctx, meeting, p)}`);
  return { kind: 'saved', clientId, outcome, message: t.saved, href };
}
