import { type ReactNode, useState } from 'react';
import { useT } from '../../../i18n.ts';
import { TextAreaField } from '../../TextAreaField.tsx';
import { TextField } from '../../TextField.tsx';
import type { LocalisedText } from '../types.ts';
import { useIssue } from './issues.tsx';
import { anchorId } from './model.ts';

/**
 * Editor fields: each sits in an element whose id comes from its anchor, so the list of problems
 * can link to it, and each shows the server's message for exactly that field.
 */

type TextProps = {
  anchor: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  lang?: 'nl' | 'en';
};

export function TextInput({ anchor, label, hint, value, onChange, maxLength, multiline = false, lang }: TextProps) {
  const error = useIssue(anchor);
  const common = { label, hint, error, value, maxLength, lang, onChange: (event: { target: { value: string } }) => onChange(event.target.value) };
  return (
    <div id={anchorId(anchor)} className="editor-field">
      {multiline ? <TextAreaField {...common} rows={3} /> : <TextField {...common} autoComplete="off" />}
    </div>
  );
}

type LocalisedProps = {
  anchor: string;
  label: string;
  value: LocalisedText;
  onChange: (value: LocalisedText) => void;
  maxLength: number;
  multiline?: boolean;
  /** Dutch must be filled in (the English may always stay empty). */
  required?: boolean;
  hint?: string;
};

/** One text in Dutch and in English, side by side on a wide screen. */
export function LocalisedInputs({ anchor, label, value, onChange, maxLength, multiline = false, required = true, hint }: LocalisedProps) {
  const { t } = useT();
  return (
    <div className="field-pair" id={anchorId(anchor)}>
      <TextInput
        anchor={`${anchor}/nl`}
        label={t(required ? 'inBeeld.editor.inDutch' : 'inBeeld.editor.inDutchOptional', { label })}
        hint={hint}
        value={value.nl}
        maxLength={maxLength}
        multiline={multiline}
        lang="nl"
        onChange={(nl) => onChange({ ...value, nl })}
      />
      <TextInput
        anchor={`${anchor}/en`}
        label={t('inBeeld.editor.inEnglish', { label })}
        hint={t('inBeeld.editor.englishHint')}
        value={value.en}
        maxLength={maxLength}
        multiline={multiline}
        lang="en"
        onChange={(en) => onChange({ ...value, en })}
      />
    </div>
  );
}

type NumberProps = {
  anchor: string;
  label: ReactNode;
  hint?: ReactNode;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** Empty means "no value" (undefined); without this, a number is needed. */
  optional?: boolean;
};

const parseNumber = (raw: string): number | undefined => {
  const cleaned = raw.trim().replace(',', '.');
  if (cleaned === '') return undefined;
  const parsed = Number(cleaned);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
};

/** A number as typed (a comma is fine); the definition gets the number, or nothing when it is empty. */
export function NumberInput({ anchor, label, hint, value, onChange, optional = false }: NumberProps) {
  const { t } = useT();
  const serverError = useIssue(anchor);
  const [raw, setRaw] = useState(value === undefined ? '' : String(value));
  const parsed = parseNumber(raw);
  const localError = Number.isNaN(parsed) ? t('inBeeld.editor.notANumber') : parsed === undefined && !optional ? t('inBeeld.editor.numberRequired') : undefined;
  return (
    <div id={anchorId(anchor)} className="editor-field">
      <TextField
        label={label}
        hint={hint}
        error={localError ?? serverError}
        inputMode="decimal"
        className="field-number"
        autoComplete="off"
        value={raw}
        onChange={(event) => {
          setRaw(event.target.value);
          // Not a number (or a needed number left out) goes along as NaN: saving then names this field too.
          const next = parseNumber(event.target.value);
          onChange(next === undefined && !optional ? Number.NaN : next);
        }}
      />
    </div>
  );
}

export function CheckboxInput({
  anchor,
  label,
  checked,
  onChange,
  hint,
}: {
  anchor: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}) {
  const error = useIssue(anchor);
  const id = anchorId(anchor);
  return (
    <div className="editor-field">
      <label className="choice">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
        />
        <span>{label}</span>
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
