import { useT } from '../../../i18n.ts';
import { focusSoon, useEditorTools } from './context.tsx';
import { CheckboxInput, LocalisedInputs, NumberInput } from './fields.tsx';
import { useIssue } from './issues.tsx';
import { anchorId, dontKnowLabel, type EdQuestion, emptyText, limits, move, uidOf, withTag } from './model.ts';
import { RowButtons } from './RowButtons.tsx';

type ScaleQuestion = Extract<EdQuestion, { type: 'likert' | 'matrix' }>;
type Point = ScaleQuestion['points'][number];

/** The points of a scale (value and words), from low to high, and an optional "Weet ik niet". */
export function ScaleEditor({ question, onChange }: { question: ScaleQuestion; onChange: (question: EdQuestion) => void }) {
  const { t } = useT();
  const { announce } = useEditorTools();
  const anchor = `${question.uid}/points`;
  const error = useIssue(anchor);
  const points = question.points;
  const setPoints = (next: Point[]) => onChange({ ...question, points: next });

  const add = () => {
    const highest = points.reduce((max, p) => Math.max(max, Number.isFinite(p.value) ? p.value : max), 0);
    const point = withTag({ value: Math.min(100, highest + 1), label: emptyText() });
    setPoints([...points, point]);
    focusSoon(`#${anchorId(`${point.uid}/label/nl`)} input`);
  };

  return (
    <fieldset className="editor-group" id={anchorId(anchor)} aria-describedby={error ? `${anchorId(anchor)}-error` : undefined}>
      <legend>{t('inBeeld.editor.scale.legend')}</legend>
      <p className="field-hint">{t('inBeeld.editor.scale.hint', { min: limits.minPoints, max: limits.maxPoints })}</p>
      {error && (
        <p className="field-error" id={`${anchorId(anchor)}-error`}>
          {error}
        </p>
      )}
      <ol className="editor-list">
        {points.map((point, index) => {
          const uid = uidOf(point);
          const name = t('inBeeld.editor.scale.name', { n: index + 1 });
          return (
            <li key={uid} className="editor-item">
              <p className="editor-item-title">{name}</p>
              <NumberInput
                anchor={`${uid}/value`}
                label={t('inBeeld.editor.scale.value')}
                hint={t('inBeeld.editor.scale.valueHint')}
                value={point.value}
                onChange={(value) => setPoints(points.map((p) => (p === point ? { ...p, value: value ?? Number.NaN } : p)))}
              />
              <LocalisedInputs
                anchor={`${uid}/label`}
                label={t('inBeeld.editor.scale.label')}
                value={point.label}
                maxLength={limits.label}
                onChange={(label) => setPoints(points.map((p) => (p === point ? { ...p, label } : p)))}
              />
              <RowButtons
                uid={uid}
                name={name}
                index={index}
                count={points.length}
                onMove={(delta) => {
                  setPoints(move(points, index, delta));
                  announce(t('inBeeld.editor.scale.moved', { n: index + 1, to: index + 1 + delta }));
                }}
                onRemove={() => {
                  setPoints(points.filter((p) => p !== point));
                  announce(t('inBeeld.editor.scale.removed', { n: index + 1 }));
                  focusSoon(`[data-add="${question.uid}-point"]`);
                }}
              />
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          data-add={`${question.uid}-point`}
          onClick={add}
          aria-disabled={points.length >= limits.maxPoints || undefined}
        >
          {t('inBeeld.editor.scale.add')}
        </button>
      </div>
      <CheckboxInput
        anchor={`${question.uid}/noOpinion`}
        label={t('inBeeld.editor.scale.noOpinion')}
        checked={question.noOpinion !== undefined}
        onChange={(checked) => onChange({ ...question, noOpinion: checked ? { label: dontKnowLabel() } : undefined })}
      />
      {question.noOpinion && (
        <LocalisedInputs
          anchor={`${question.uid}/noOpinion/label`}
          label={t('inBeeld.editor.scale.noOpinionLabel')}
          value={question.noOpinion.label}
          maxLength={limits.label}
          onChange={(label) => onChange({ ...question, noOpinion: { label } })}
        />
      )}
    </fieldset>
  );
}
