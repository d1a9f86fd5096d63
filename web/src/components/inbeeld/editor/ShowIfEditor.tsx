import { useT } from '../../../i18n.ts';
import { SelectField } from '../../SelectField.tsx';
import { findFramework, pick, useEditorTools } from './context.tsx';
import { useIssue } from './issues.tsx';
import { anchorId, type EdQuestion, simpleCondition } from './model.ts';

type Choice = { value: string; label: string };

/** The answers a condition can name for an earlier choice question, framework codes included. */
function useAnswerChoices(): (question: EdQuestion) => Choice[] {
  const { t } = useT();
  const { frameworks, lang } = useEditorTools();
  return (question) => {
    if (question.type !== 'single' && question.type !== 'multiple') return [];
    const options = question.options;
    let choices: Choice[];
    if (Array.isArray(options)) choices = options.map((o) => ({ value: o.key, label: pick(o.label, lang) || o.key }));
    else {
      const framework = findFramework(frameworks, options.framework, options.version);
      const include = options.include ? new Set(options.include) : null;
      const exclude = new Set(options.exclude ?? []);
      choices = (framework?.codes ?? [])
        .filter((c) => (include ? include.has(c.key) : true) && !exclude.has(c.key))
        .map((c) => ({ value: c.key, label: pick(c.label, lang) }));
    }
    if (question.other) choices.push({ value: '_other', label: pick(question.other.label, lang) || t('inBeeld.editor.options.other') });
    return choices;
  };
}

/**
 * "Show this question only when …": one condition on an earlier choice question. Conditions the
 * built-in forms use that are more complex are kept as they are, and can be removed here.
 */
export type EarlierQuestion = { question: EdQuestion; section: number; number: number };

export function ShowIfEditor({ question, earlier, onChange }: { question: EdQuestion; earlier: EarlierQuestion[]; onChange: (question: EdQuestion) => void }) {
  const { t } = useT();
  const { lang } = useEditorTools();
  const anchor = `${question.uid}/showIf`;
  const error = useIssue(anchor);
  const questionError = useIssue(`${anchor}/question`);
  const valueError = useIssue(`${anchor}/equals`);
  const choicesOf = useAnswerChoices();
  const candidates = earlier.map((e) => e.question).filter((q) => choicesOf(q).length > 0);
  const condition = simpleCondition(question.showIf);
  const set = (showIf: EdQuestion['showIf']) => onChange({ ...question, showIf });
  const questionLabel = (q: EdQuestion) => {
    const place = earlier.find((e) => e.question === q);
    return t('inBeeld.editor.showIf.questionOption', { section: place?.section ?? 0, n: place?.number ?? 0, text: pick(q.text, lang) || q.key });
  };

  return (
    <fieldset className="editor-group" id={anchorId(anchor)} aria-describedby={error ? `${anchorId(anchor)}-error` : undefined}>
      <legend>{t('inBeeld.editor.showIf.legend')}</legend>
      {error && (
        <p className="field-error" id={`${anchorId(anchor)}-error`}>
          {error}
        </p>
      )}
      {condition === null ? (
        <>
          <p>{t('inBeeld.editor.showIf.complex')}</p>
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" onClick={() => set(undefined)}>
              {t('inBeeld.editor.showIf.remove')}
            </button>
          </div>
        </>
      ) : (
        <>
          <label className="choice">
            <input
              type="checkbox"
              checked={condition !== undefined}
              disabled={condition === undefined && candidates.length === 0}
              aria-describedby={candidates.length === 0 && condition === undefined ? `${anchorId(anchor)}-none` : undefined}
              onChange={(event) => {
                const first = candidates.at(-1);
                const value = first ? choicesOf(first)[0]?.value : undefined;
                set(event.target.checked && first && value ? { question: first.key, equals: value } : undefined);
              }}
            />
            <span>{t('inBeeld.editor.showIf.toggle')}</span>
          </label>
          {condition === undefined && candidates.length === 0 && (
            <p className="field-hint" id={`${anchorId(anchor)}-none`}>
              {t('inBeeld.editor.showIf.noCandidates')}
            </p>
          )}
          {condition && (
            <div className="field-pair">
              <div id={anchorId(`${anchor}/question`)} className="editor-field">
                <SelectField
                  label={t('inBeeld.editor.showIf.question')}
                  error={questionError}
                  value={condition.question}
                  onChange={(event) => {
                    const target = candidates.find((q) => q.key === event.target.value);
                    const value = target ? choicesOf(target)[0]?.value : undefined;
                    if (target && value) set({ question: target.key, equals: value });
                  }}
                >
                  {!candidates.some((q) => q.key === condition.question) && <option value={condition.question}>{condition.question}</option>}
                  {candidates.map((q) => (
                    <option key={q.uid} value={q.key}>
                      {questionLabel(q)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div id={anchorId(`${anchor}/equals`)} className="editor-field">
                <SelectField
                  label={t('inBeeld.editor.showIf.answer')}
                  error={valueError}
                  value={condition.equals}
                  onChange={(event) => set({ question: condition.question, equals: event.target.value })}
                >
                  {(() => {
                    const target = candidates.find((q) => q.key === condition.question);
                    const choices = target ? choicesOf(target) : [];
                    return [
                      ...(choices.some((c) => c.value === condition.equals) ? [] : [{ value: condition.equals, label: condition.equals }]),
                      ...choices,
                    ].map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ));
                  })()}
                </SelectField>
              </div>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
