import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Field } from './Field.tsx';

type Props = Omit<ComponentPropsWithRef<'select'>, 'id'> & { label: ReactNode; hint?: ReactNode; error?: string | undefined };

export function SelectField({ label, hint, error, className, children, ...select }: Props) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}
