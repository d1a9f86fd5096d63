import { randomUUID } from 'node:crypto';
import type { ComponentProps } from 'react';
import { renderToStaticMarkup } from '../../../http/render.ts';
import { SectionPage, WelcomePage } from './pages.tsx';
import { QuestionField } from './QuestionField.tsx';

/**
 * The respondent's pages as HTML, rendered by React once and kept: what a page shows is the same for
 * everyone on a link in one language (a section page holds no response id: its addresses are
 * relative), except the welcome page's new response id, and a question nobody has answered yet
 * looks the same for everyone. Only those parts are kept, never anything a respondent typed or
 * chose: a question with an answer or an error, and a page with errors or the follow-up step, are
 * rendered afresh each time, exactly as before. The kept HTML is React's own output (with the
 * welcome page's response id put in afterwards), so the page is byte for byte what rendering it whole gives.
 */

/** Stands in for the response id while the welcome page is rendered once (a fresh random one, so no text can contain it). */
const RESPONSE_ID_SLOT = randomUUID();
/** Where the questions go in a section page rendered once. */
const QUESTIONS_SLOT = `questions-${randomUUID()}`;

type Parts = readonly string[];
const fill = (parts: Parts, responseId: string) => parts.join(responseId);

/** Kept per link object (itself kept for two seconds by openLink) or per published question, so the memory goes with them. */
const pageShells = new WeakMap<object, Map<string, { before: string; after: string }>>();
const welcomes = new WeakMap<object, Map<string, Parts>>();
const blankQuestions = new WeakMap<object, Map<string, string>>();

function kept<V>(store: WeakMap<object, Map<string, V>>, owner: object, key: string, make: () => V): V {
  let perOwner = store.get(owner);
  if (!perOwner) {
    perOwner = new Map();
    store.set(owner, perOwner);
  }
  let value = perOwner.get(key);
  if (value === undefined) {
    value = make();
    perOwner.set(key, value);
  }
  return value;
}

type WelcomeProps = ComponentProps<typeof WelcomePage>;

/** The welcome page; without an error message it is rendered once per link and language. */
export function welcomePageHtml(owner: object, props: WelcomeProps): string {
  if (props.error) return renderToStaticMarkup(<WelcomePage {...props} />);
  const parts = kept(welcomes, owner, props.lang, () => renderToStaticMarkup(<WelcomePage {...props} responseId={RESPONSE_ID_SLOT} />).split(RESPONSE_ID_SLOT));
  return fill(parts, props.responseId);
}

type SectionProps = ComponentProps<typeof SectionPage>;
type FieldProps = ComponentProps<typeof QuestionField>;

/** Nothing answered and no error for this question (nor for any of its parts, `key.item` or `key.__other`). */
function isBlank(key: string, answers: Record<string, unknown>, errors: ReadonlyMap<string, string>): boolean {
  const prefix = `${key}.`;
  for (const field of Object.keys(answers)) if ((field === key || field.startsWith(prefix)) && answers[field] !== undefined) return false;
  for (const field of errors.keys()) if (field === key || field.startsWith(prefix)) return false;
  return true;
}

function questionHtml(props: FieldProps): string {
  const q = props.question;
  if (!isBlank(q.key, props.answers, props.errors)) return renderToStaticMarkup(<QuestionField {...props} />);
  const key = `${props.lang}|${props.hiddenUntilCalledFor ? 1 : 0}|${props.followUpHint ?? ''}`;
  return kept(blankQuestions, q, key, () => renderToStaticMarkup(<QuestionField {...props} answers={{}} errors={new Map()} />));
}

/**
 * A section page. The page around the questions is rendered once per link, language and page when
 * there are no errors and it is not the follow-up step; each unanswered question once per
 * language and way of showing it.
 */
export function sectionPageHtml(owner: object, props: SectionProps): string {
  if (props.errors.size > 0 || props.followUpStep) return renderToStaticMarkup(<SectionPage {...props} />);
  const shell = kept(pageShells, owner, `${props.lang}|${props.index}`, () => {
    const html = renderToStaticMarkup(<SectionPage {...props} questions={[]} questionsSlot={QUESTIONS_SLOT} />);
    const at = html.indexOf(QUESTIONS_SLOT);
    return { before: html.slice(0, at), after: html.slice(at + QUESTIONS_SLOT.length) };
  });
  let questions = '';
  for (const question of props.questions)
    questions += questionHtml({
      question,
      answers: props.answers,
      errors: props.errors,
      lang: props.lang,
      followUpHint: props.followUps?.get(question.key),
      hiddenUntilCalledFor: props.hiddenFollowUps?.has(question.key),
    });
  return shell.before + questions + shell.after;
}

/**
 * When nothing on the page is answered and it shows no error and is not the follow-up step, the
 * page is the same for every respondent on the link: a key (language, page, the questions shown
 * and which of them wait hidden) under which its HTML may be kept whole, compressed once
 * (keptPageSender). Undefined when anything of one respondent is in it.
 */
export function blankPageKey(props: SectionProps): string | undefined {
  if (props.errors.size > 0 || props.followUpStep) return undefined;
  let key = `${props.lang}|${props.index}`;
  for (const q of props.questions) {
    if (!isBlank(q.key, props.answers, props.errors)) return undefined;
    key += `|${q.key}${props.hiddenFollowUps?.has(q.key) ? '-' : ''}`;
  }
  return key;
}
