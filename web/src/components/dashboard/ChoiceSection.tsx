import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import type { ReportTable } from './types.ts';

/** The questions of the given types, each once, as [question, text]. */
export const questionChoices = (tables: ReportTable[], types: Set<string>) => [
  ...new Map(tables.filter((x) => types.has(x.type)).map((x) => [x.question, x.text])).entries(),
];

/**
 * A choice kept in the address under the given keys: what is shown (`chosen`), what the form holds
 * (`pick`), and `apply`, which puts the form's choice in the address (all keys, or none when one is empty).
 */
export function useAddressChoice<K extends string>(keys: readonly K[]) {
  const [search, setSearch] = useSearchParams();
  const [pick, setPick] = useState(() => Object.fromEntries(keys.map((key) => [key, search.get(key) ?? ''])) as Record<K, string>);
  const chosen = Object.fromEntries(keys.map((key) => [key, search.get(key)])) as Record<K, string | null>;
  const choose = (key: K, value: string) => setPick((current) => ({ ...current, [key]: value }));
  const apply = () => {
    const next = new URLSearchParams(search);
    const complete = keys.every((key) => pick[key]);
    for (const key of keys) {
      if (complete) next.set(key, pick[key]);
      else next.delete(key);
    }
    setSearch(next, { preventScrollReset: true });
  };
  return { pick, choose, chosen, apply };
}

/** A select with an empty first option and the given [value, label] choices. */
export function ChoiceSelect(props: { label: string; none: string; value: string; onChange: (value: string) => void; choices: [string, string][] }) {
  return (
    <SelectField label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      <option value="">{props.none}</option>
      {props.choices.map(([key, text]) => (
        <option key={key} value={key}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}

interface ChoiceSectionProps {
  /** The section's class and heading id start with it. */
  name: string;
  heading: string;
  intro: string;
  show: string;
  apply: () => void;
  /** The form's selects. */
  fields: ReactNode;
  /** The loading state of what the choice shows. */
  state: { data: unknown; error: string | null } | null;
  /** What the choice shows, once loaded. */
  children: ReactNode;
}

/** A dashboard section that shows something for a choice made in a small form: the form, loading, errors, result. */
export function ChoiceSection({ name, heading, intro, show, apply, fields, state, children }: ChoiceSectionProps) {
  const { t } = useT();
  return (
    <section className={`section ${name}-section`} aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{heading}</h2>
      <p>{intro}</p>
      <form
        className="inline-form compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        {fields}
        <button type="submit" className="button button-secondary">
          {show}
        </button>
      </form>
      <p className="status-message" role="status">
        {state && !state.data && !state.error ? t('dashboard.crosstab.loading') : ''}
      </p>
      {state?.error && <ErrorAlert message={state.error} />}
      {children}
    </section>
  );
}
