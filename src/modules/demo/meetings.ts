import type { Actor, ServiceContext } from '../../core/context.ts';
import { recordRoundConsent, roundConsentStatement } from '../meetings/meeting-rounds.ts';
import type { AnswerValue, ParticipantPosition, PromptView } from '../meetings/model.ts';
import { answer, ask, join } from '../meetings/participant.ts';
import { moderate, moderationQueue } from '../meetings/results-service.ts';
import { control, createMeeting } from '../meetings/service.ts';

/**
 * The demo's meetings: "De ontmoeting (demo)", finished, with 44 participants (20 experience workers,
 * 18 professionals, 6 who did not say), and the template "De ontmoeting" ready to run.
 * Answers are drawn from a fixed seed, so every reload gives the same results. 40 of the 44 agree on
 * their phone that their answers to the linked roles prompt also count as a questionnaire, so finishing
 * stores a round of "Cocreatie in beeld" that compares with the demo's survey round of 89.
 */

function seeded(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % max;
  };
}

const positions: (ParticipantPosition | null)[] = [
  ...Array<ParticipantPosition>(20).fill('experience_worker'),
  ...Array<ParticipantPosition>(8).fill('practitioner'),
  ...Array<ParticipantPosition>(6).fill('coordinator'),
  ...Array<ParticipantPosition>(4).fill('policy_officer'),
  ...Array<null>(6).fill(null),
];

const openAnswers = [
  'Omdat wij weten hoe de hulp voelt van de andere kant.',
  'Het maakt de hulp menselijker.',
  'Ervaring opent deuren die een diploma niet opent.',
  'Zonder ervaringskennis missen we de helft van het verhaal.',
  'Het geeft hoop aan mensen die er nu middenin zitten.',
];
const words = ['samenwerking', 'erkenning', 'gelijkwaardig', 'hoop', 'herstel', 'verbinding', 'durven', 'luisteren'];
const questions = ['Wie betaalt de opleiding van ervaringswerkers?', 'Hoe zorgen we voor intervisie voor vrijwilligers?'];

function valueFor(prompt: PromptView, ew: boolean, i: number, random: (max: number) => number): AnswerValue {
  const keys = prompt.options.map((o) => o.key);
  switch (prompt.kind) {
    case 'multiple': {
      // Experience workers lean to the first options (critical voice, bridge), professionals to support.
      const drawn = keys.filter((_, k) => random(10) < (ew ? (k < 3 ? 6 : 3) : k === 3 ? 7 : 3));
      // "No specific role" goes alone, as the questionnaire asks (else the stored round would leave the answer out).
      const picks = drawn.length > 1 ? drawn.filter((key) => key !== 'geen_specifieke_rol') : drawn;
      return { choices: picks.length > 0 ? picks : [keys[random(keys.length - 1)] ?? ''] };
    }
    case 'ranking': {
      const order = [...keys];
      if (ew) order.reverse();
      if (random(3) === 0) order.push(...order.splice(0, 1));
      return { order };
    }
    case 'word_cloud':
      return { words: [words[random(words.length)] ?? 'hoop', ...(random(2) ? [words[random(words.length)] ?? 'herstel'] : [])] };
    case 'open_text':
      return { text: openAnswers[i % openAnswers.length] ?? 'Samen' };
    default:
      return { choice: keys[random(keys.length)] ?? '' };
  }
}

export async function loadDemoMeetings(ctx: ServiceContext, organisationId: string, coordinatorId: string): Promise<void> {
  const actor: Actor = { userId: coordinatorId, language: 'nl', roles: new Map([[organisationId, 'coordinator']]) };
  const random = seeded(20_250_601);
  const view = await createMeeting(ctx, actor, organisationId, { title: 'De ontmoeting (demo)', template: 'de_ontmoeting' });
  await control(ctx, actor, organisationId, view.id, { action: 'start' });
  const meeting = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  const live = { ...meeting, status: 'live' };
  const people = [];
  for (const position of positions) {
    const joined = await join(ctx, live, position);
    const row = await ctx.db.selectFrom('meeting_participants').selectAll().where('id', '=', joined.participantId).executeTakeFirstOrThrow();
    people.push(row);
  }
  const statement = await roundConsentStatement(ctx, live, 'nl');
  if (statement)
    for (const [i, person] of people.entries()) {
      // Every eleventh says no: their answers count only in the meeting.
      await recordRoundConsent(ctx, live, person, i % 11 === 10 ? 'declined' : 'given', statement.version);
    }
  for (const prompt of view.prompts) {
    await control(ctx, actor, organisationId, view.id, { action: 'go', index: prompt.position });
    const open = { ...prompt, state: 'open' as const };
    for (const [i, person] of people.entries()) {
      if (prompt.kind === 'qa') {
        if (i < questions.length) await ask(ctx, live, person, { promptId: prompt.id, clientId: `demo-q-${i}`, text: questions[i] ?? '' });
        continue;
      }
      if (prompt.kind === 'open_text' && i % 4 !== 0) continue;
      await answer(ctx, live, person, {
        promptId: prompt.id,
        clientId: `demo-${prompt.position}-${i}`,
        raw: valueFor(open, person.position === 'experience_worker', i, random),
      });
    }
    await control(ctx, actor, organisationId, view.id, { action: 'reveal' });
  }
  for (const [i, item] of (await moderationQueue(ctx, actor, organisationId, view.id)).entries()) {
    const hold = item.subjectType === 'answer' && i === 0;
    await moderate(ctx, actor, organisationId, view.id, {
      subjectType: item.subjectType,
      subjectId: item.id,
      decision: hold ? 'hold' : 'approve',
      reason: hold ? 'Kan iemand herkenbaar maken.' : '',
    });
  }
  await control(ctx, actor, organisationId, view.id, { action: 'finish' });
  await createMeeting(ctx, actor, organisationId, { title: 'De ontmoeting', template: 'de_ontmoeting' });
}
