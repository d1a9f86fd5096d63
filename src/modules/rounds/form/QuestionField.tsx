import type { Language } from '../../../core/language.ts';
import { defaultMaxLength, localise, NO_OPINION, OTHER } from '../../instruments/definition.ts';
import type { ResolvedQuestion } from '../../instruments/resolve.ts';
import { formMessages } from './messages.ts';

export type FieldValue = unknown;

const asList = (value: FieldValue): string[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map((v) => String(v));

/** Error ids tie the message to its field for screen readers (aria-describedby). */
export const errorId = (key: string) => `${key}-error`;
export const fieldId = (key: string) => `q-${key}`;

function Legend(props: { question: ResolvedQuestion; lang: Language }) {
  const t = formMessages(props.lang);
  return (
    <legend>
      {localise(props.question.text, props.lang)} <span className="req">({props.question.required ? t.required : t.optional})</span>
    </legend>
  );
}

/** What the read-aloud button says: the question, its help, and the choices or statements to answer. */
function spokenText(q: ResolvedQuestion, lang: Language): string {
  const parts = [localise(q.text, lang), q.help ? localise(q.help, lang) : undefined];
  if (q.type === 'single' || q.type === 'multiple')
    parts.push(...q.options.map((o) => localise(o.label, lang)), q.other ? localise(q.other.label, lang) : undefined);
  if (q.type === 'matrix') parts.push(...q.items.map((item) => localise(item.text, lang)));
  const sentence = (part: string) => (/[.?!:]$/.test(part.trim()) ? part.trim() : `${part.trim()}.`);
  return parts
    .filter((part): part is string => Boolean(part))
    .map(sentence)
    .join(' ');
}

/**
 * Reads the question aloud with the browser's own speech (nothing is sent anywhere), for people who
 * read with difficulty. Hidden until the optional script finds speech in the browser: without
 * JavaScript the button is simply absent.
 */
function ReadAloud(props: { question: ResolvedQuestion; lang: Language }) {
  return (
    <button type="button" className="speak" data-speak={spokenText(props.question, props.lang)} hidden>
      {formMessages(props.lang).readAloud}
    </button>
  );
}

function Help(props: { id: string; text: string | undefined }) {
  return props.text ? (
    <p className="help" id={props.id}>
      {props.text}
    </p>
  ) : null;
}

function ErrorText(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <p className="error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}

function Scale(props: {
  name: string;
  points: { value: number; label: { nl: string; en: string } }[];
  noOpinion: { label: { nl: string; en: string } } | undefined;
  value: FieldValue;
  lang: Language;
  describedBy: string | undefined;
}) {
  const current = asList(props.value)[0];
  const choices = [
    ...props.points.map((p) => ({ value: String(p.value), label: localise(p.label, props.lang) })),
    ...(props.noOpinion ? [{ value: NO_OPINION, label: localise(props.noOpinion.label, props.lang) }] : []),
  ];
  return (
    <div className="scale">
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input type="radio" name={props.name} value={choice.value} defaultChecked={current === choice.value} aria-describedby={props.describedBy} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

/** One question as plain HTML form controls, with its help and its error next to it. */
type FieldProps = {
  question: ResolvedQuestion;
  answers: Record<string, FieldValue>;
  errors: Map<string, string>;
  lang: Language;
  /** Set for a follow-up that depends on an answer on the same page. */
  followUpHint?: string | undefined;
  /** A follow-up the answers so far do not call for: hidden until the script shows it (without the script it is asked on an extra step). */
  hiddenUntilCalledFor?: boolean | undefined;
};

/**
 * A follow-up question carries its condition for the optional script, which shows it as soon as
 * the answer it depends on calls for it. Without the script, one that is not called for yet stays
 * hidden, and the server asks it on an extra step after the page is sent (follow-ups.ts).
 */
export function QuestionField(props: FieldProps) {
  if (!props.followUpHint || !props.question.showIf) return <Field {...props} />;
  return (
    <div className="follow-up" data-show-if={JSON.stringify(props.question.showIf)} hidden={props.hiddenUntilCalledFor || undefined}>
      <Field {...props} />
    </div>
  );
}

function Field(props: FieldProps) {
  const { question: q, lang, answers, errors } = props;
  const t = formMessages(lang);
  const error = errors.get(q.key);
  const helpId = `${q.key}-help`;
  const value = answers[q.key];
  const help = [q.help ? localise(q.help, lang) : undefined, props.followUpHint].filter(Boolean).join(' ') || undefined;
  const described = [help ? helpId : '', error ? errorId(q.key) : ''].filter(Boolean).join(' ') || undefined;

  switch (q.type) {
    case 'single':
    case 'multiple': {
      const selected = new Set(asList(value));
      const hint = q.type === 'multiple' && q.maxSelected ? t.chooseMax(q.maxSelected) : undefined;
      return (
        <fieldset
          className={error ? 'question invalid' : 'question'}
          id={fieldId(q.key)}
          aria-describedby={described}
          data-max={q.type === 'multiple' ? q.maxSelected : undefined}
        >
          <Legend question={q} lang={lang} />
          <ReadAloud question={q} lang={lang} />
          <Help id={helpId} text={[help, hint].filter(Boolean).join(' ') || undefined} />
          <ErrorText id={errorId(q.key)} message={error} />
          {q.options.map((option) => (
            <label key={option.key} className="choice">
              <input
                type={q.type === 'single' ? 'radio' : 'checkbox'}
                name={q.key}
                value={option.key}
                defaultChecked={selected.has(option.key)}
                data-exclusive={q.type === 'multiple' && option.exclusive ? 'true' : undefined}
              />
              <span>
                {localise(option.label, lang)}
                {q.type === 'multiple' && option.exclusive && <span className="hint"> — {t.exclusiveHint}</span>}
              </span>
            </label>
          ))}
          {q.other && (
            <>
              <label className="choice">
                <input type={q.type === 'single' ? 'radio' : 'checkbox'} name={q.key} value={OTHER} defaultChecked={selected.has(OTHER)} />
                <span>{localise(q.other.label, lang)}</span>
              </label>
              <label className="other">
                <span>{t.otherText(localise(q.other.label, lang))}</span>
                <input type="text" name={`${q.key}.${OTHER}`} defaultValue={String(answers[`${q.key}.${OTHER}`] ?? '')} maxLength={q.other.maxLength ?? 500} />
              </label>
            </>
          )}
        </fieldset>
      );
    }
    case 'likert':
      return (
        <fieldset className={error ? 'question invalid' : 'question'} id={fieldId(q.key)} aria-describedby={described}>
          <Legend question={q} lang={lang} />
          <ReadAloud question={q} lang={lang} />
          <Help id={helpId} text={help} />
          <ErrorText id={errorId(q.key)} message={error} />
          <Scale name={q.key} points={q.points} noOpinion={q.noOpinion} value={value} lang={lang} describedBy={undefined} />
        </fieldset>
      );
    case 'matrix':
      return (
        <fieldset className={error ? 'question invalid' : 'question'} id={fieldId(q.key)} aria-describedby={described}>
          <Legend question={q} lang={lang} />
          <ReadAloud question={q} lang={lang} />
          <Help id={helpId} text={help} />
          <ErrorText id={errorId(q.key)} message={error} />
          {q.items.map((item) => {
            const itemError = errors.get(`${q.key}.${item.key}`);
            const itemValue =
              (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[item.key] : undefined) ??
              answers[`${q.key}.${item.key}`];
            return (
              <fieldset
                key={item.key}
                className={itemError ? 'item invalid' : 'item'}
                aria-describedby={itemError ? errorId(`${q.key}.${item.key}`) : undefined}
              >
                <legend>{localise(item.text, lang)}</legend>
                <ErrorText id={errorId(`${q.key}.${item.key}`)} message={itemError} />
                <Scale name={`${q.key}.${item.key}`} points={q.points} noOpinion={q.noOpinion} value={itemValue} lang={lang} describedBy={undefined} />
              </fieldset>
            );
          })}
        </fieldset>
      );
    case 'number':
      return (
        <div className={error ? 'question invalid' : 'question'}>
          <label htmlFor={fieldId(q.key)} className="label">
            {localise(q.text, lang)} <span className="req">({q.required ? t.required : t.optional})</span>
          </label>
          <ReadAloud question={q} lang={lang} />
          <Help id={helpId} text={[help, t.numberRange(q.min, q.max)].filter(Boolean).join(' ')} />
          <ErrorText id={errorId(q.key)} message={error} />
          <input
            id={fieldId(q.key)}
            name={q.key}
            type="text"
            inputMode={q.integer ? 'numeric' : 'decimal'}
            defaultValue={value === undefined ? '' : String(value)}
            aria-describedby={[helpId, error ? errorId(q.key) : ''].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
            className="short"
          />
          {q.unit && <span className="unit"> {localise(q.unit, lang)}</span>}
        </div>
      );
    case 'short_text':
    case 'long_text': {
      const max = defaultMaxLength(q);
      const common = {
        id: fieldId(q.key),
        name: q.key,
        maxLength: max,
        defaultValue: typeof value === 'string' ? value : '',
        'aria-describedby': [helpId, error ? errorId(q.key) : ''].filter(Boolean).join(' '),
        'aria-invalid': error ? true : undefined,
      };
      return (
        <div className={error ? 'question invalid' : 'question'}>
          <label htmlFor={fieldId(q.key)} className="label">
            {localise(q.text, lang)} <span className="req">({q.required ? t.required : t.optional})</span>
          </label>
          <ReadAloud question={q} lang={lang} />
          <Help id={helpId} text={[help, t.maxChars(max)].filter(Boolean).join(' ')} />
          <ErrorText id={errorId(q.key)} message={error} />
          {q.type === 'long_text' ? <textarea rows={5} {...common} /> : <input type="text" {...common} />}
        </div>
      );
    }
  }
}
