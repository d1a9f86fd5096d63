import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import type { Language } from '../../types.ts';
import type { Framework, LocalisedText } from './types.ts';

export const text = (value: LocalisedText, lang: string | undefined): string => (lang === 'en' ? value.en : value.nl);
export const langOf = (lang: string | undefined): Language => (lang === 'en' ? 'en' : 'nl');

/** The codes of a framework, and a label for one code (its key when unknown). */
export function codesOf(frameworks: Framework[], key: string) {
  return frameworks.find((f) => f.key === key)?.codes ?? [];
}
export function codeLabel(frameworks: Framework[], framework: string, key: string, lang: string | undefined): string {
  const code = codesOf(frameworks, framework).find((c) => c.key === key);
  return code ? text(code.label, lang) : key;
}

/**
 * One save action of a small form: busy while it runs, a status line when it worked, the server's
 * message (and field messages) when it did not; the page's data is loaded again afterwards.
 */
export function useSave() {
  const { t } = useT();
  const revalidate = useRevalidate();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const run = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      await action();
      await revalidate();
      setStatus(done);
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: t('common.unknownError') }));
      setAttempt((n) => n + 1);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, status, error, attempt, run, issue: (field: string) => error?.issueFor(field) };
}
