import type { Actor, ServiceContext } from '../../src/core/context.ts';
import type { MeetingTable } from '../../src/db/tables/meetings.ts';
import type { ParticipantPosition, PromptInput } from '../../src/modules/meetings/model.ts';
import { join, meetingByCode } from '../../src/modules/meetings/participant.ts';
import type { Role } from '../../src/modules/organisations/model.ts';

export const actorOf = (userId: string, org: string, role: Role): Actor => ({ userId, language: 'nl', roles: new Map([[org, role]]) });

export const singlePrompt: PromptInput = {
  kind: 'single',
  text: { nl: 'Welke kleur?', en: 'Which colour?' },
  options: [
    { key: 'a', label: { nl: 'Rood', en: 'Red' } },
    { key: 'b', label: { nl: 'Blauw', en: 'Blue' } },
  ],
};
export const openPrompt: PromptInput = { kind: 'open_text', text: { nl: 'Wat denk je?', en: 'What do you think?' } };
export const wordPrompt: PromptInput = { kind: 'word_cloud', text: { nl: 'Eén woord?', en: 'One word?' } };
export const qaPrompt: PromptInput = { kind: 'qa', text: { nl: 'Vragen?', en: 'Questions?' } };

export async function meetingRow(ctx: ServiceContext, code: string): Promise<MeetingTable> {
  const row = await meetingByCode(ctx, code);
  if (!row) throw new Error(`no meeting ${code}`);
  return row;
}

/** Joins `count` participants with the given position; returns their rows. */
export async function joinMany(ctx: ServiceContext, code: string, count: number, position: ParticipantPosition | null) {
  const meeting = await meetingRow(ctx, code);
  const joined = [];
  for (let i = 0; i < count; i += 1) {
    const j = await join(ctx, meeting, position);
    const row = await ctx.db.selectFrom('meeting_participants').selectAll().where('id', '=', j.participantId).executeTakeFirstOrThrow();
    joined.push({ ...j, row });
  }
  return joined;
}

export function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
