import { useId } from 'react';
import { useT } from '../../../i18n.ts';
import type { InlineOption } from '../types.ts';
import { focusSoon, useEditorTools } from './context.tsx';
import { FrameworkPicker } from './FrameworkPicker.tsx';
import { CheckboxInput, LocalisedInputs, NumberInput, TextInput } from './fields.tsx';
import { useIssue } from './issues.tsx';
import { anchorId, type EdQuestion, emptyText, limits, move, nextKey, somethingElseLabel, uidOf, withTag } from './model.ts';
import { RowButtons } from './RowButtons.tsx';

type ChoiceQuestion = Extract<EdQuestion, { type: 'single' | 'multiple' }>;

/** The answers of a "choose one" or "choose several" question: typed here, or drawn from a framework. */
export function ChoiceOptionsEditor({ question, onChange }: { question: ChoiceQuestion; onChange: (question: EdQuestion) => void }) {
  const { t } = useT();
  const { frameworks, announce } = useEditorTools();
  const anchor = `${question.uid}/options`;
  const error = useIssue(anchor);
  const errorId = useId();
  const options = question.options;
  const inline = Array.isArray(options);
  const addSelector = `[data-add="${question.uid}-option"]`;

  const setOptions = (next: InlineOption[]) => onChange({ ...question, options: next } as EdQuestion);

  const setSource = (source: 'inline' | 'framework') => {
    if (source === 'inline') {
      setOptions([withTag({ key: 'optie_1', label: emptyText() }), withTag({ key: 'optie_2', label: emptyText() })]);
      return;
    }
    const first = frameworks[0];
    if (first) onChange({ ...question, options: { framework: first.key, version: first.version } } as EdQuestion);
  };

  const add = () => {
    if (!inline) return;
    const option = withTag({
      key: nextKey(
        'optie',
        options.map((o) => o.key),
      ),
      label: emptyText(),
    });
    setOptions([...options, option]);
    focusSoon(`#${anchorId(`${option.uid}/label/nl`)} input`);
  };

  return (
    <fieldset className="editor-group" id={anchorId(anchor)} aria-describedby={error ? errorId : undefined}>
      <legend>{t('inBeeld.editor.options.legend')}</legend>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <fieldset className="field">
        <legend>{t('inBeeld.editor.options.source')}</legend>
        <div className="choice-list">
          <label className="choice">
            <input type="radio" name={`${question.uid}-source`} checked={inline} onChange={() => setSource('inline')} />
            <span>{t('inBeeld.editor.options.own')}</span>
          </label>
          <label className="choice">
            <input type="radio" name={`${question.uid}-source`} checked={!inline} onChange={() => setSource('framework')} disabled={frameworks.length === 0} />
            <span>{t('inBeeld.editor.options.fromFramework')}</span>
          </label>
        </div>
      </fieldset>
      {inline ? (
        <>
          <ol className="editor-list">
            {options.map((option, index) => {
              const uid = uidOf(option);
              const name = t('inBeeld.editor.options.name', { n: index + 1 });
              return (
                <li key={uid} className="editor-item">
                  <p className="editor-item-title">{name}</p>
                  <LocalisedInputs
                    anchor={`${uid}/label`}
                    label={t('inBeeld.editor.options.label')}
                    value={option.label}
                    maxLength={limits.label}
                    onChange={(label) => setOptions(options.map((o) => (o === option ? { ...o, label } : o)))}
                  />
                  <TextInput
                    anchor={`${uid}/key`}
                    label={t('inBeeld.editor.key')}
                    hint={t('inBeeld.editor.keyHint')}
                    value={option.key}
                    maxLength={limits.key}
                    onChange={(key) => setOptions(options.map((o) => (o === option ? { ...o, key } : o)))}
                  />
                  {question.type === 'multiple' && (
                    <CheckboxInput
                      anchor={`${uid}/exclusive`}
                      label={t('inBeeld.editor.options.exclusive')}
                      checked={option.exclusive === true}
                      onChange={(checked) => setOptions(options.map((o) => (o === option ? { ...o, exclusive: checked ? true : undefined } : o)))}
                    />
                  )}
                  <RowButtons
                    uid={uid}
                    name={name}
                    index={index}
                    count={options.length}
                    onMove={(delta) => {
                      setOptions(move(options, index, delta));
                      announce(t('inBeeld.editor.options.moved', { n: index + 1, to: index + 1 + delta }));
                    }}
                    onRemove={() => {
                      setOptions(options.filter((o) => o !== option));
                      announce(t('inBeeld.editor.options.removed', { n: index + 1 }));
                      focusSoon(addSelector);
                    }}
                  />
                </li>
              );
            })}
          </ol>
          <div className="button-row">
            <button type="button" className="button button-secondary" data-add={`${question.uid}-option`} onClick={add}>
              {t('inBeeld.editor.options.add')}
            </button>
          </div>
        </>
      ) : (
        <FrameworkPicker
          anchor={anchor}
          value={options}
          onChange={(patch) =>
            onChange({ ...question, options: { ...options, ...patch, exclusive: patch.framework ? undefined : options.exclusive } } as EdQuestion)
          }
        />
      )}
      <CheckboxInput
        anchor={`${question.uid}/other`}
        label={t('inBeeld.editor.options.other')}
        hint={t('inBeeld.editor.options.otherHint')}
        checked={question.other !== undefined}
        onChange={(checked) => onChange({ ...question, other: checked ? { label: somethingElseLabel() } : undefined } as EdQuestion)}
      />
      {question.other && (
        <LocalisedInputs
          anchor={`${question.uid}/other/label`}
          label={t('inBeeld.editor.options.otherLabel')}
          value={question.other.label}
          maxLength={limits.label}
          onChange={(label) => onChange({ ...question, other: { ...question.other, label } } as EdQuestion)}
        />
      )}
      {question.type === 'multiple' && (
        <NumberInput
          anchor={`${question.uid}/maxSelected`}
          label={t('inBeeld.editor.options.maxSelected')}
          hint={t('inBeeld.editor.options.maxSelectedHint')}
          value={question.maxSelected}
          optional
          onChange={(maxSelected) => onChange({ ...question, maxSelected } as EdQuestion)}
        />
      )}
    </fieldset>
  );
}
