import type { Language } from '../../../core/language.ts';
import { localise } from '../../instruments/definition.ts';
import type { ResolvedInstrument, ResolvedQuestion } from '../../instruments/resolve.ts';
import { type FormBrand, Layout } from './Layout.tsx';
import { formMessages } from './messages.ts';
import { errorId, type FieldValue, fieldId, QuestionField } from './QuestionField.tsx';

type Base = { lang: Language; token: string; title: string; brand?: FormBrand | undefined };
const withLang = (href: string, lang: Language) => `${href}${href.includes('?') ? '&' : '?'}lang=${lang}`;
const other = (lang: Language): Language => (lang === 'nl' ? 'en' : 'nl');

export function WelcomePage(
  props: Base & {
    intro: string | undefined;
    organisationName: string;
    teamName: string | null;
    statement: string[];
    consentVersion: string;
    responseId: string;
    error?: string | undefined;
  },
) {
  const t = formMessages(props.lang);
  return (
    <Layout lang={props.lang} brand={props.brand} title={props.title} languageHref={withLang(`/r/${props.token}`, other(props.lang))}>
      <h1>{props.title}</h1>
      <p className="scope">{t.forWhom(props.organisationName, props.teamName)}</p>
      {props.intro && <p>{props.intro}</p>}
      <h2>{t.whatWeKeep}</h2>
      {props.statement.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <form method="post" action={`/r/${props.token}/start`} noValidate>
        <input type="hidden" name="responseId" value={props.responseId} />
        <input type="hidden" name="consentVersion" value={props.consentVersion} />
        <input type="hidden" name="lang" value={props.lang} />
        {props.error && (
          <p className="error" id="consent-error" role="alert">
            {props.error}
          </p>
        )}
        <label className="choice consent">
          <input type="checkbox" name="consent" value="yes" required aria-describedby={props.error ? 'consent-error' : undefined} />
          <span>{t.agree}</span>
        </label>
        <div className="actions">
          <button type="submit">{t.start}</button>
        </div>
      </form>
      <p>
        <a href={withLang(`/r/${props.token}/resume`, props.lang)}>{t.haveCode}</a>
      </p>
    </Layout>
  );
}

export function SectionPage(
  props: Base & {
    instrument: ResolvedInstrument;
    index: number;
    questions: ResolvedQuestion[];
    answers: Record<string, FieldValue>;
    errors: Map<string, string>;
    /** Follow-up questions on this page, with the hint that says when to answer them. */
    followUps?: ReadonlyMap<string, string>;
    /** Follow-ups hidden until an answer on this page calls for them. */
    hiddenFollowUps?: ReadonlySet<string>;
    /** The extra step without JavaScript: only the follow-ups just called for, the page's other answers carried along. */
    followUpStep?: { carried: Record<string, string | string[]> } | undefined;
    /** Text that stands where the questions go (rendered-pages.tsx puts each question's HTML there). */
    questionsSlot?: string | undefined;
  },
) {
  const t = formMessages(props.lang);
  const section = props.instrument.sections[props.index];
  if (!section) return null;
  const total = props.instrument.sections.length;
  const last = props.index === total - 1;
  // Relative to the page's own address, /r/<token>/<response id>/<page>: the page holds no response
  // id, so a page nobody has answered yet is the same for every respondent (kept, rendered-pages.tsx).
  const action = String(props.index + 1);
  const errorList = [...props.errors.entries()];
  return (
    <Layout
      lang={props.lang}
      brand={props.brand}
      title={`${localise(section.title, props.lang)} – ${props.title}`}
      languageHref={withLang(action, other(props.lang))}
    >
      <p className="progress-text" id="progress-label">
        {t.progress(props.index + 1, total)}
      </p>
      <progress max={total} value={props.index + 1} aria-labelledby="progress-label" />
      <h1>{localise(section.title, props.lang)}</h1>
      {section.intro && <p>{localise(section.intro, props.lang)}</p>}
      {errorList.length > 0 && (
        <div className="summary" role="alert" aria-labelledby="summary-title">
          <h2 id="summary-title">{t.errorSummary}</h2>
          <ul>
            {errorList.map(([key, message]) => (
              <li key={key}>
                <a href={`#${fieldId(key.split('.')[0] ?? key)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.followUpStep && <p className="follow-up-intro">{t.followUpStep}</p>}
      <form method="post" action={action} noValidate data-respondent="section" data-step={props.followUpStep ? 'follow-ups' : undefined}>
        <input type="hidden" name="_lang" value={props.lang} />
        {props.followUpStep && <input type="hidden" name="_step" value="follow-ups" />}
        {props.followUpStep &&
          Object.entries(props.followUpStep.carried).flatMap(([name, value]) =>
            [value].flat().map((v) => <input key={`${name}=${v}`} type="hidden" name={name} value={v} />),
          )}
        {props.questionsSlot}
        {props.questions.map((question) => (
          <QuestionField
            key={question.key}
            question={question}
            answers={props.answers}
            errors={props.errors}
            lang={props.lang}
            followUpHint={props.followUps?.get(question.key)}
            hiddenUntilCalledFor={props.hiddenFollowUps?.has(question.key)}
          />
        ))}
        <div className="actions">
          <button type="submit" name="_action" value="next">
            {last ? t.submit : t.next}
          </button>
          <button type="submit" name="_action" value="later" className="secondary">
            {t.later}
          </button>
          {props.index > 0 && (
            <button type="submit" name="_action" value="back" className="secondary">
              {t.back}
            </button>
          )}
        </div>
      </form>
    </Layout>
  );
}

type PageLink = { href: string; label: string };

export function MessagePage(props: {
  lang: Language;
  title: string;
  text: string;
  brand?: FormBrand | undefined;
  link?: PageLink | undefined;
  secondLink?: PageLink | undefined;
}) {
  return (
    <Layout lang={props.lang} brand={props.brand} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {[props.link, props.secondLink].map(
        (link) =>
          link && (
            <p key={link.href}>
              <a href={link.href}>{link.label}</a>
            </p>
          ),
      )}
    </Layout>
  );
}

export function ResumePage(props: Base & { error?: string | undefined; code?: string | undefined }) {
  const t = formMessages(props.lang);
  return (
    <Layout
      lang={props.lang}
      brand={props.brand}
      title={`${t.resumeTitle} – ${props.title}`}
      languageHref={withLang(`/r/${props.token}/resume`, other(props.lang))}
    >
      <h1>{t.resumeTitle}</h1>
      <p>{t.resumeIntro}</p>
      <form method="post" action={`/r/${props.token}/resume`} noValidate>
        <input type="hidden" name="lang" value={props.lang} />
        <div className={props.error ? 'question invalid' : 'question'}>
          <label htmlFor="code" className="label">
            {t.resumeLabel}
          </label>
          {props.error && (
            <p className="error" id={errorId('code')}>
              {props.error}
            </p>
          )}
          <input
            id="code"
            name="code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="short"
            defaultValue={props.code ?? ''}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? errorId('code') : undefined}
          />
        </div>
        <div className="actions">
          <button type="submit">{t.resumeSubmit}</button>
        </div>
      </form>
    </Layout>
  );
}

export function SavedPage(props: Base & { code: string; resumeUrl: string | undefined; continueHref: string }) {
  const t = formMessages(props.lang);
  return (
    <Layout lang={props.lang} brand={props.brand} title={`${t.savedTitle} – ${props.title}`}>
      <h1>{t.savedTitle}</h1>
      <p>{t.savedIntro}</p>
      <p className="code-label">{t.savedCode}:</p>
      <p className="code">{props.code}</p>
      <p>{props.resumeUrl ? t.savedHow(props.resumeUrl) : t.savedHowWithoutAddress}</p>
      <p>
        <a href={props.continueHref}>{t.continueNow}</a>
      </p>
    </Layout>
  );
}
