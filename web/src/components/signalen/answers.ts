import type { AnswerSegmentView, AnswersForCodingView } from '../../../../src/modules/coding/model.ts';

/** GET /api/orgs/:orgId/coding/answers: one survey open answer researchers may code. */
export type AnswerForCoding = AnswersForCodingView['answers'][number];
export type AnswerSegment = AnswerSegmentView;

export type AnswerQuestion = { roundId: string; roundName: string; question: string; answers: AnswerForCoding[] };

/** The answers grouped by round and question, in the order the server gave them. */
export function byRoundAndQuestion(answers: AnswerForCoding[]): AnswerQuestion[] {
  const groups = new Map<string, AnswerQuestion>();
  for (const answer of answers) {
    const key = `${answer.roundId}|${answer.question}`;
    const group = groups.get(key) ?? { roundId: answer.roundId, roundName: answer.roundName, question: answer.question, answers: [] };
    group.answers.push(answer);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Sentences of an answer with their offsets, so a part can be chosen with the keyboard (as coding/text-units.ts does on the server). */
export function answerSentences(text: string): { start: number; end: number }[] {
  const units: { start: number; end: number }[] = [];
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (s < e) units.push({ start: s, end: e });
  };
  let from = 0;
  for (const match of text.matchAll(/[.!?…]+["'”’)]*(?=\s|$)|\r?\n/g)) {
    push(from, match[0].includes('\n') ? match.index : match.index + match[0].length);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return units;
}
