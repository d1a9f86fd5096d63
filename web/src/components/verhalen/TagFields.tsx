import { currentLanguage, useT } from '../../i18n.ts';
import type { Framework } from '../inbeeld/types.ts';
import { type StoryTags, type TagFramework, tagFrameworks } from './types.ts';

type Props = { frameworks: readonly Framework[]; value: StoryTags; onChange: (tags: StoryTags) => void };

/** Check boxes for the three positions, the three logics, the roles and the themes, and the four marks. */
export function TagFields({ frameworks, value, onChange }: Props) {
  const { t } = useT();
  const lang = currentLanguage();
  const toggle = (framework: TagFramework, code: string, on: boolean) => {
    const current = value[framework];
    onChange({ ...value, [framework]: on ? [...current, code] : current.filter((c) => c !== code) });
  };
  const group = (key: TagFramework, legend: string, hint: string) => {
    const framework = frameworks.find((f) => f.key === key);
    if (!framework) return null;
    return (
      <fieldset className="field tag-group" key={key}>
        <legend>{legend}</legend>
        <p className="field-hint">{hint}</p>
        <div className="tag-choices">
          {framework.codes.map((code) => (
            <label key={code.key} className="choice">
              <input type="checkbox" checked={value[key].includes(code.key)} onChange={(e) => toggle(key, code.key, e.currentTarget.checked)} />
              <span>
                {code.label[lang]}
                <span className="choice-hint">{code.definition[lang]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  };
  return (
    <div className="tag-fields">
      {tagFrameworks.map((key) => group(key, frameworks.find((f) => f.key === key)?.name[lang] ?? key, t(`verhalen.tagHints.${key}`)))}
      {group('experiential_knowledge_marks', t('verhalen.marksLegend'), t('verhalen.marksHint'))}
    </div>
  );
}
