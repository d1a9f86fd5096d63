import { type RefObject, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { fixedT } from '../i18n.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Error state for one form: messages per field and one message for the whole form. After a failed
 * submit the focus moves to the first field with a problem; `attempt` changes on every failure so
 * the form's alert is announced again, even with the same text.
 */
export function useFormErrors<F extends string>(formRef: RefObject<HTMLFormElement | null>, fields: readonly F[]) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, formRef]);

  /** Shows problems found before sending; returns true when there were none. */
  const check = (errors: FieldErrors<F>): boolean => {
    const hasErrors = Object.values(errors).some(Boolean);
    setFieldErrors(errors);
    setFormError(null);
    if (hasErrors) setAttempt((n) => n + 1);
    return !hasErrors;
  };

  /** Shows what the server said: messages on the fields it named, and the main message on top. */
  const fail = (caught: unknown) => {
    const error = caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: fixedT()('common.unknownError') });
    const errors: FieldErrors<F> = {};
    for (const field of fields) {
      const message = error.issueFor(field);
      if (message) errors[field] = message;
    }
    setFieldErrors(errors);
    setFormError(error);
    setAttempt((n) => n + 1);
  };

  const reset = () => {
    setFieldErrors({});
    setFormError(null);
  };

  return { fieldErrors, formError, attempt, check, fail, reset };
}
