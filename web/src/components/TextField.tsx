import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Field } from './Field.tsx';

type Props = Omit<ComponentPropsWithRef<'input'>, 'id'> & { label: ReactNode; hint?: ReactNode; error?: string | undefined };

export function TextField({ label, hint, error, className, ...input }: Props) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input type="text" {...input} {...control} />}
    </Field>
  );
}
