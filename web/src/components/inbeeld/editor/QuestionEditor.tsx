import { useT } from '../../../i18n.ts';
import { ChoiceOptionsEditor } from './ChoiceOptionsEditor.tsx';
import { pick, useEditorTools } from './context.tsx';
import { CheckboxInput, LocalisedInputs, NumberInput, TextInput } from './fields.tsx';
import { useHasIssuesWithin, useIssue } from './issues.tsx';
import { MatrixItemsEditor } from './MatrixItemsEditor.tsx';
import { anchorId, type EdQuestion, limits } from './model.ts';
import { RowButtons } from './RowButtons.tsx';
import { ScaleEditor } from './ScaleEditor.tsx';
import { type EarlierQuestion, ShowIfEditor } from './ShowIfEditor.tsx';

type Props = {
  question: EdQuestion;
  index: number;
  count: number;
  earlier: EarlierQuestion[];
  open: boolean;
  onToggle: () => void;
  onChange: (question: EdQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
};

const emptyToUndefined = (text: { nl: string; en: string }) => (text.nl.trim() === '' && text.en.trim() === '' ? undefined : text);

/** What a question of each type needs besides its text. */
function TypeFields({ question, onChange }: { question: EdQuestion; onChange: (question: EdQuestion) => void }) {
  const { t } = useT();
  switch (question.type) {
    case 'single':
    case 'multiple':
      return <ChoiceOptionsEditor question={question} onChange={onChange} />;
    case 'likert':
      return <ScaleEditor question={question} onChange={onChange} />;
    case 'matrix':
      return (
        <>
          <MatrixItemsEditor question={question} onChange={onChange} />
          <ScaleEditor question={question} onChange={onChange} />
        </>
      );
    case 'number':
      return (
        <fieldset className="editor-group">
          <legend>{t('inBeeld.editor.number.legend')}</legend>
          <div className="field-pair">
            <NumberInput
              anchor={`${question.uid}/min`}
              label={t('inBeeld.editor.number.min')}
              value={question.min}
              onChange={(min) => onChange({ ...question, min: min ?? Number.NaN })}
            />
            <NumberInput
              anchor={`${question.uid}/max`}
              label={t('inBeeld.editor.number.max')}
              value={question.max}
              onChange={(max) => onChange({ ...question, max: max ?? Number.NaN })}
            />
          </div>
          <CheckboxInput
            anchor={`${question.uid}/integer`}
            label={t('inBeeld.editor.number.integer')}
            checked={question.integer === true}
            onChange={(integer) => onChange({ ...question, integer: integer ? true : undefined })}
          />
          <LocalisedInputs
            anchor={`${question.uid}/unit`}
            label={t('inBeeld.editor.number.unit')}
            hint={t('inBeeld.editor.number.unitHint')}
            required={false}
            value={question.unit ?? { nl: '', en: '' }}
            maxLength={limits.label}
            onChange={(unit) => onChange({ ...question, unit: emptyToUndefined(unit) })}
          />
        </fieldset>
      );
    case 'short_text':
    case 'long_text':
      return (
        <NumberInput
          anchor={`${question.uid}/maxLength`}
          label={t('inBeeld.editor.text.maxLength')}
          hint={t('inBeeld.editor.text.maxLengthHint', { max: question.type === 'short_text' ? limits.shortText : limits.longText })}
          value={question.maxLength}
          optional
          onChange={(maxLength) => onChange({ ...question, maxLength })}
        />
      );
  }
}

/**
 * One question: a short line with its number, type and text, the buttons to move or delete it, and
 * (when opened) every field. A question with a problem opens by itself.
 */
export function QuestionEditor({ question, index, count, earlier, open, onToggle, onChange, onMove, onDelete }: Props) {
  const { t } = useT();
  const { lang } = useEditorTools();
  const hasIssues = useHasIssuesWithin(question.uid);
  const ownIssue = useIssue(question.uid);
  const expanded = open || hasIssues;
  const name = t('inBeeld.editor.question.name', { n: index + 1 });
  const bodyId = `${anchorId(question.uid)}-body`;
  const text = pick(question.text, lang);

  return (
    <li className="question-card">
      <div className="question-head">
        <h4 id={anchorId(question.uid)} tabIndex={-1}>
          {t('inBeeld.editor.question.heading', { n: index + 1, type: t(`inBeeld.types.${question.type}`) })}
        </h4>
        <p className="question-summary">
          {text || <em>{t('inBeeld.editor.question.noText')}</em>}
          {question.required && <> ({t('inBeeld.editor.question.requiredShort')})</>}
          {question.showIf && <> · {t('inBeeld.editor.question.conditional')}</>}
        </p>
        {ownIssue && <p className="field-error">{ownIssue}</p>}
        <div className="button-group">
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={expanded}
            aria-controls={expanded ? bodyId : undefined}
            onClick={onToggle}
            aria-disabled={(hasIssues && expanded) || undefined}
            aria-label={`${t(expanded ? 'inBeeld.editor.question.close' : 'inBeeld.editor.question.edit')}: ${name}`}
          >
            {t(expanded ? 'inBeeld.editor.question.close' : 'inBeeld.editor.question.edit')}
          </button>
          <RowButtons
            uid={question.uid}
            name={name}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onDelete}
            removeLabel={t('inBeeld.editor.question.delete')}
          />
        </div>
      </div>
      {expanded && (
        <div id={bodyId} className="question-body">
          <LocalisedInputs
            anchor={`${question.uid}/text`}
            label={t('inBeeld.editor.question.text')}
            value={question.text}
            maxLength={limits.text}
            onChange={(value) => onChange({ ...question, text: value })}
          />
          <LocalisedInputs
            anchor={`${question.uid}/help`}
            label={t('inBeeld.editor.question.help')}
            hint={t('inBeeld.editor.question.helpHint')}
            required={false}
            multiline
            value={question.help ?? { nl: '', en: '' }}
            maxLength={limits.help}
            onChange={(help) => onChange({ ...question, help: emptyToUndefined(help) })}
          />
          <CheckboxInput
            anchor={`${question.uid}/required`}
            label={t('inBeeld.editor.question.required')}
            checked={question.required}
            onChange={(required) => onChange({ ...question, required })}
          />
          <TextInput
            anchor={`${question.uid}/key`}
            label={t('inBeeld.editor.key')}
            hint={t('inBeeld.editor.questionKeyHint')}
            value={question.key}
            maxLength={limits.key}
            onChange={(key) => onChange({ ...question, key })}
          />
          <TypeFields question={question} onChange={onChange} />
          <ShowIfEditor question={question} earlier={earlier} onChange={onChange} />
        </div>
      )}
    </li>
  );
}
