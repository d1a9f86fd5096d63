import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Field } from './Field.tsx';

type Props = Omit<ComponentPropsWithRef<'textarea'>, 'id'> & { label: ReactNode; hint?: ReactNode; error?: string | undefined };

export function TextAreaField({ label, hint, error, className, rows = 3, ...textarea }: Props) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <textarea rows={rows} {...textarea} {...control} />}
    </Field>
  );
}
