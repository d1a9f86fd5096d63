import { useState } from 'react';
import { useT } from '../../../i18n.ts';
import { SelectField } from '../../SelectField.tsx';
import { pick, useEditorTools } from './context.tsx';
import { LocalisedInputs, TextInput } from './fields.tsx';
import { useIssue } from './issues.tsx';
import { anchorId, type EdQuestion, type EdSection, limits, questionTypes } from './model.ts';
import { QuestionEditor } from './QuestionEditor.tsx';
import { RowButtons } from './RowButtons.tsx';
import type { EarlierQuestion } from './ShowIfEditor.tsx';

type Props = {
  section: EdSection;
  index: number;
  count: number;
  /** The questions before each question of this section (for conditions), by question uid. */
  earlierFor: (questionUid: string) => EarlierQuestion[];
  openQuestions: ReadonlySet<string>;
  onToggleQuestion: (uid: string) => void;
  onChange: (section: EdSection) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
  onAddQuestion: (type: EdQuestion['type']) => void;
  onMoveQuestion: (index: number, delta: -1 | 1) => void;
  onDeleteQuestion: (uid: string) => void;
};

/** One section ("deel"): one page of the respondent form, with its title, introduction and questions. */
export function SectionEditor(props: Props) {
  const { section, index, count } = props;
  const { t } = useT();
  const { lang } = useEditorTools();
  const [type, setType] = useState<EdQuestion['type']>('single');
  const questionsIssue = useIssue(`${section.uid}/questions`);
  const ownIssue = useIssue(section.uid);
  const name = t('inBeeld.editor.section.name', { n: index + 1 });
  const title = pick(section.title, lang);

  return (
    <li className="section-card">
      <section aria-labelledby={anchorId(section.uid)}>
        <div className="section-head">
          <h3 id={anchorId(section.uid)} tabIndex={-1}>
            {title ? t('inBeeld.editor.section.heading', { n: index + 1, title }) : t('inBeeld.editor.section.headingEmpty', { n: index + 1 })}
          </h3>
          {ownIssue && <p className="field-error">{ownIssue}</p>}
          <RowButtons
            uid={section.uid}
            name={name}
            index={index}
            count={count}
            onMove={props.onMove}
            onRemove={props.onDelete}
            removeLabel={t('inBeeld.editor.section.delete')}
          />
        </div>
        <LocalisedInputs
          anchor={`${section.uid}/title`}
          label={t('inBeeld.editor.section.title')}
          value={section.title}
          maxLength={limits.title}
          onChange={(value) => props.onChange({ ...section, title: value })}
        />
        <LocalisedInputs
          anchor={`${section.uid}/intro`}
          label={t('inBeeld.editor.section.intro')}
          hint={t('inBeeld.editor.section.introHint')}
          required={false}
          multiline
          value={section.intro ?? { nl: '', en: '' }}
          maxLength={limits.intro}
          onChange={(intro) => props.onChange({ ...section, intro: intro.nl.trim() === '' && intro.en.trim() === '' ? undefined : intro })}
        />
        <TextInput
          anchor={`${section.uid}/key`}
          label={t('inBeeld.editor.key')}
          hint={t('inBeeld.editor.keyHint')}
          value={section.key}
          maxLength={limits.key}
          onChange={(key) => props.onChange({ ...section, key })}
        />
        <div id={anchorId(`${section.uid}/questions`)} className="editor-field">
          <p className="editor-list-title">{t('inBeeld.editor.section.questions', { count: section.questions.length })}</p>
          {questionsIssue && <p className="field-error">{questionsIssue}</p>}
        </div>
        {section.questions.length > 0 && (
          <ol className="question-list">
            {section.questions.map((question, qi) => (
              <QuestionEditor
                key={question.uid}
                question={question}
                index={qi}
                count={section.questions.length}
                earlier={props.earlierFor(question.uid)}
                open={props.openQuestions.has(question.uid)}
                onToggle={() => props.onToggleQuestion(question.uid)}
                onChange={(next) => props.onChange({ ...section, questions: section.questions.map((q) => (q.uid === next.uid ? next : q)) })}
                onMove={(delta) => props.onMoveQuestion(qi, delta)}
                onDelete={() => props.onDeleteQuestion(question.uid)}
              />
            ))}
          </ol>
        )}
        <div className="add-question">
          <SelectField
            label={t('inBeeld.editor.section.newType', { n: index + 1 })}
            value={type}
            onChange={(event) => setType(event.target.value as EdQuestion['type'])}
          >
            {questionTypes.map((kind) => (
              <option key={kind} value={kind}>
                {t(`inBeeld.types.${kind}`)}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => props.onAddQuestion(type)}
            aria-label={`${t('inBeeld.editor.section.addQuestion')} ${t('inBeeld.editor.section.toSection', { n: index + 1 })}`}
          >
            {t('inBeeld.editor.section.addQuestion')}
          </button>
        </div>
      </section>
    </li>
  );
}
