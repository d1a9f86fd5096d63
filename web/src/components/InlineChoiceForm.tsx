import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n.ts';

type Props<V extends string> = {
  /** The value as stored now. */
  current: V;
  options: readonly V[];
  optionLabel: (value: V) => string;
  isOption: (value: string) => value is V;
  /** The accessible name of the select, e.g. "rol van Anna"; the save button is named after it. */
  label: string;
  /** Stores the new value; throws an ApiError with a message for the person when it cannot. */
  save: (value: V) => Promise<void>;
  /** What to announce afterwards: changed, or unchanged when the value was already this one. */
  message: (value: V, changed: boolean) => string;
  onSaved: (message: string) => void;
};

/** A select with its own save button inside a table row (a role, a position), with its error next to it. */
export function InlineChoiceForm<V extends string>({ current, options, optionLabel, isOption, label, save, message, onSaved }: Props<V>) {
  const { t } = useT();
  const id = useId();
  const [value, setValue] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (value === current) {
      onSaved(message(value, false));
      return;
    }
    setBusy(true);
    try {
      await save(value);
      onSaved(message(value, true));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-busy={busy || undefined}>
      <label htmlFor={`${id}-choice`} className="visually-hidden">
        {label}
      </label>
      <select
        id={`${id}-choice`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          if (isOption(event.target.value)) setValue(event.target.value);
          setError(null);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small" aria-label={`${t('common.save')}: ${label}`}>
        {t('common.save')}
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
