import { useId } from 'react';
import { useT } from '../i18n.ts';
import { saveLanguage } from '../session.ts';
import { isLanguage } from '../types.ts';

/** Language switch in the header of every page. Language names are written in their own language. */
export function LanguageSelect() {
  const { t, i18n } = useT();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('common.language')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage ?? 'nl'}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void saveLanguage(event.target.value);
        }}
      >
        <option value="nl" lang="nl">
          Nederlands
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}
