import type { Actor, ServiceContext } from '../../core/context.ts';
import type { Language } from '../../core/language.ts';
import type { MeetingParticipantTable, MeetingTable } from '../../db/tables/meetings.ts';
import { createStory } from '../stories/service.ts';
import { currentAnswer } from './participant.ts';

const titles: Record<Language, string> = { nl: 'Mijn open antwoord', en: 'My open answer' };

/**
 * Turns the participant's own open answer into a draft story that only the signed-in author sees
 * (scope 'private'); they choose wider consent later in the stories app. The story keeps only the
 * text: no meeting, prompt, participant or answer id, so the meeting stays anonymous.
 * Returns false when there is no open answer with text to keep.
 */
export async function keepAnswerAsStory(
  ctx: ServiceContext,
  actor: Actor,
  meeting: MeetingTable,
  participant: MeetingParticipantTable,
  promptId: string,
): Promise<boolean> {
  const value = await currentAnswer(ctx, participant, promptId);
  const text = value && 'text' in value ? value.text.trim() : '';
  if (text === '') return false;
  await createStory(ctx, actor, meeting.organisation_id, { title: titles[actor.language], text, scope: 'private' });
  return true;
}
