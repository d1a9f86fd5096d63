import type { Language } from '../../../core/language.ts';
import { visibleQuestions } from '../../instruments/answers.ts';
import type { Condition } from '../../instruments/definition.ts';
import { localise } from '../../instruments/definition.ts';
import type { ResolvedInstrument, ResolvedQuestion } from '../../instruments/resolve.ts';

/** The questions a condition looks at. */
export function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  return [condition.question];
}

/** A follow-up whose condition looks at an answer on the same page: without JavaScript it cannot appear by itself. */
export const dependsOnPage = (question: ResolvedQuestion, pageKeys: ReadonlySet<string>): boolean =>
  question.showIf !== undefined && conditionQuestions(question.showIf).some((key) => pageKeys.has(key));

/** "Only if you chose ‘Yes’ or ‘Sometimes’ at ‘Are you paid?’" for the simple conditions; a general line otherwise. */
export function followUpHint(question: ResolvedQuestion, instrument: ResolvedInstrument, lang: Language): string {
  const general = lang === 'nl' ? 'Vul dit alleen in als het past bij je antwoord hierboven.' : 'Only answer this if it fits your answer above.';
  const condition = question.showIf;
  if (!condition || 'all' in condition || 'any' in condition || condition.item) return general;
  const target = instrument.sections.flatMap((s) => s.questions).find((q) => q.key === condition.question);
  if (!target || (target.type !== 'single' && target.type !== 'multiple')) return general;
  const values = 'equals' in condition ? [condition.equals] : 'anyOf' in condition ? condition.anyOf : undefined;
  if (!values) return general;
  const labels = values.map((v) => target.options.find((o) => o.key === v)).map((o) => (o ? `‘${localise(o.label, lang)}’` : ''));
  const or = lang === 'nl' ? ' of ' : ' or ';
  const asked = localise(target.text, lang);
  return lang === 'nl' ? `Alleen als je ${labels.join(or)} koos bij ‘${asked}’.` : `Only if you chose ${labels.join(or)} at ‘${asked}’.`;
}

/**
 * Follow-ups on this page that the answers just sent call for, and that were hidden when the page
 * was shown (the answers saved before did not call for them). Without JavaScript the person never
 * saw them: they are asked on a short extra step before moving on.
 */
export function followUpsToAsk(
  instrument: ResolvedInstrument,
  section: { questions: ResolvedQuestion[] },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ResolvedQuestion[] {
  const keys = new Set(section.questions.map((q) => q.key));
  // Most pages have no follow-up on an answer of their own: then nothing can be asked, and the answers need no walk.
  if (!section.questions.some((q) => dependsOnPage(q, keys))) return [];
  const shownBefore = new Set(visibleQuestions(instrument, before).map((q) => q.key));
  const shownAfter = new Set(visibleQuestions(instrument, after).map((q) => q.key));
  const answered = (key: string) =>
    Object.entries(after).some(([field, value]) => (field === key || field.startsWith(`${key}.`)) && [value].flat().some((v) => String(v ?? '').trim() !== ''));
  return section.questions.filter((q) => dependsOnPage(q, keys) && shownAfter.has(q.key) && !shownBefore.has(q.key) && !answered(q.key));
}
