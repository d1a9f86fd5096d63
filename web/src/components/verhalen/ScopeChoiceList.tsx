import { useT } from '../../i18n.ts';
import type { ConsentScope } from './types.ts';

type Props = {
  /** The radio group's name. */
  name: string;
  scopes: readonly ConsentScope[];
  value: ConsentScope;
  onChange: (scope: ConsentScope) => void;
};

/** Radio buttons for who may read a story, each with its plain-language hint; the caller gives the fieldset and legend. */
export function ScopeChoiceList({ name, scopes, value, onChange }: Props) {
  const { t } = useT();
  return (
    <div className="choice-list">
      {scopes.map((scope) => (
        <label key={scope} className="choice">
          <input type="radio" name={name} value={scope} checked={value === scope} onChange={() => onChange(scope)} />
          <span>
            {t(`verhalen.scopes.${scope}.label`)}
            <span className="choice-hint">{t(`verhalen.scopes.${scope}.hint`)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
