import { type ReactNode, useId } from 'react';
import { useT } from '../i18n.ts';

export type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  /** Renders the input itself with the id and descriptions it needs. */
  children: (control: ControlProps) => ReactNode;
  className?: string;
};

/**
 * A label, an optional hint and an optional error above one control. The hint and the error are
 * tied to the control with aria-describedby, so a screen reader reads them with the field.
 */
export function Field({ label, hint, error, children, className }: FieldProps) {
  const { t } = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const control: ControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span className="error-icon" aria-hidden="true">
            !
          </span>
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      )}
      {children(control)}
    </div>
  );
}
