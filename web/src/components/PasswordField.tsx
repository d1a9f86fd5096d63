import { type ComponentPropsWithRef, type ReactNode, useState } from 'react';
import { useT } from '../i18n.ts';
import { Field } from './Field.tsx';

type Props = Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & { label: ReactNode; hint?: ReactNode; error?: string | undefined };

/** A password input with a show/hide button; pasting is always allowed (password managers). */
export function PasswordField({ label, hint, error, className, ...input }: Props) {
  const { t } = useT();
  const [visible, setVisible] = useState(false);
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <div className="password-row">
          <input {...input} {...control} type={visible ? 'text' : 'password'} autoCapitalize="none" autoCorrect="off" spellCheck={false} />
          <button type="button" className="button button-secondary" aria-controls={control.id} onClick={() => setVisible((v) => !v)}>
            {visible ? t('common.hidePassword') : t('common.showPassword')}
          </button>
        </div>
      )}
    </Field>
  );
}
