import { useId } from 'react';
import { useT } from '../../../i18n.ts';
import { SelectField } from '../../SelectField.tsx';
import { findFramework, pick, useEditorTools } from './context.tsx';
import { useIssue } from './issues.tsx';
import { anchorId } from './model.ts';

export type Drawn = { framework: string; version: number; include?: string[] | undefined; exclude?: string[] | undefined };
export type DrawnPatch = { framework?: string; version?: number; include?: string[] | undefined; exclude?: string[] | undefined };

/**
 * Answer options (or matrix statements) from a framework: which framework, and which of its codes.
 * Frameworks are versioned; a definition names one version, so later changes to the framework do
 * not change a published questionnaire.
 */
export function FrameworkPicker({ anchor, value, onChange }: { anchor: string; value: Drawn; onChange: (patch: DrawnPatch) => void }) {
  const { t } = useT();
  const { frameworks, lang } = useEditorTools();
  const legendId = useId();
  const selectError = useIssue(`${anchor}/framework`);
  // A problem with the whole list ("nothing left to choose from") is shown by the part around this picker.
  const excludeError = useIssue(`${anchor}/exclude`);
  const includeError = useIssue(`${anchor}/include`);
  const codesError = excludeError ?? includeError;
  const current = findFramework(frameworks, value.framework, value.version);
  const selected = `${value.framework}@${value.version}`;
  const isChecked = (code: string) => (value.include ? value.include.includes(code) : !(value.exclude ?? []).includes(code));

  const toggle = (code: string, checked: boolean) => {
    if (!current) return;
    const chosen = current.codes.map((c) => c.key).filter((key) => (key === code ? checked : isChecked(key)));
    const left = current.codes.map((c) => c.key).filter((key) => !chosen.includes(key));
    onChange({ include: undefined, exclude: left.length ? left : undefined });
  };

  return (
    <div className="editor-subgroup">
      <div id={anchorId(`${anchor}/framework`)} className="editor-field">
        <SelectField
          label={t('inBeeld.editor.framework.label')}
          hint={t('inBeeld.editor.framework.hint')}
          error={selectError}
          value={selected}
          onChange={(event) => {
            const [framework = '', version = '1'] = event.target.value.split('@');
            onChange({ framework, version: Number(version), include: undefined, exclude: undefined });
          }}
        >
          {!current && <option value={selected}>{t('inBeeld.editor.framework.unknown', { key: value.framework, version: value.version })}</option>}
          {frameworks.map((f) => (
            <option key={`${f.key}@${f.version}`} value={`${f.key}@${f.version}`}>
              {t('inBeeld.editor.framework.option', { name: pick(f.name, lang), version: f.version })}
            </option>
          ))}
        </SelectField>
      </div>
      {current && (
        <fieldset className="field" aria-describedby={codesError ? `${legendId}-error` : undefined}>
          <legend>{t('inBeeld.editor.framework.codes')}</legend>
          {codesError && (
            <p className="field-error" id={`${legendId}-error`}>
              {codesError}
            </p>
          )}
          <div className="choice-list">
            {current.codes.map((code) => (
              <label key={code.key} className="choice">
                <input type="checkbox" checked={isChecked(code.key)} onChange={(event) => toggle(code.key, event.target.checked)} />
                <span>{pick(code.label, lang)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
