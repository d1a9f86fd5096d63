import type { Actor, ServiceContext } from '../../core/context.ts';
import type { MeetingParticipantTable, MeetingTable } from '../../db/tables/meetings.ts';
import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { LocalisedText } from '../frameworks/model.ts';
import { raiseSignal } from '../signals/service.ts';
import { currentAnswer } from './participant.ts';

export type SignalFromAnswer = { title: string; barrierFor: string; logic: string };

/** The three logics a signal names, from the framework (the signals module checks the choice again). */
export function logicChoices(): { key: string; label: LocalisedText }[] {
  return (getBuiltinFramework('logics')?.codes ?? []).map((c) => ({ key: c.key, label: c.label }));
}

/**
 * Raises a signal from the participant's own open answer, by the signed-in author who chose it on
 * their own phone. It follows the signals module's rules: raised under the author's account, and it
 * starts in member checking (the experience workers of the organisation are asked to confirm,
 * nuance or contest it before it moves on). It carries no meeting, prompt, participant or answer id.
 * Returns false when there is no open answer with text.
 */
export async function raiseSignalFromAnswer(
  ctx: ServiceContext,
  actor: Actor,
  meeting: MeetingTable,
  participant: MeetingParticipantTable,
  { promptId, input }: { promptId: string; input: SignalFromAnswer },
): Promise<boolean> {
  const value = await currentAnswer(ctx, participant, promptId);
  const text = value && 'text' in value ? value.text.trim() : '';
  if (text === '') return false;
  await raiseSignal(ctx, actor, meeting.organisation_id, {
    title: input.title,
    observation: text,
    barrierFor: input.barrierFor,
    logic: input.logic,
    theme: null,
    level: 'organisation',
    teamId: null,
    storyIds: [],
    memberCheck: true,
    sourceCodeId: null,
  });
  return true;
}
