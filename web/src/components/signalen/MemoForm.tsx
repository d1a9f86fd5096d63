import { type FormEvent, useRef, useState } from 'react';
import { api, apiPath } from '../../api.ts';
import { useFormErrors } from '../../hooks/useFormErrors.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import { TextField } from '../TextField.tsx';
import type { Memo } from './types.ts';

const fields = ['title', 'body', 'targetId'] as const;

/** Writes a memo on the project, a code or a segment. */
export function MemoForm({
  orgId,
  targetKind,
  targetId,
  heading,
}: {
  orgId: string;
  targetKind: Memo['targetKind'];
  targetId: string | null;
  heading: string;
}) {
  const { t } = useT();
  const revalidate = useRevalidate();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldErrors, formError, attempt, check, fail } = useFormErrors(formRef, fields);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const headingId = `memo-heading-${targetKind}-${targetId ?? 'project'}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const required = t('signalen.raise.required');
    if (!check({ title: title.trim() ? undefined : required, body: body.trim() ? undefined : required })) return;
    setBusy(true);
    try {
      await api.post<Memo>(apiPath`/api/orgs/${orgId}/coding/memos`, { targetKind, targetId, title, body });
      await revalidate();
      setTitle('');
      setBody('');
      setStatus(t('signalen.coding.memoSaved'));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby={headingId} aria-busy={busy || undefined}>
      <h3 id={headingId}>{heading}</h3>
      <ErrorAlert key={attempt} message={formError?.message ?? null} />
      <TextField
        label={t('signalen.coding.memoTitle')}
        name="title"
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldErrors.title}
      />
      <TextAreaField
        label={t('signalen.coding.memoBody')}
        name="body"
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={fieldErrors.body}
      />
      <div className="button-row">
        <button type="submit" className="button button-secondary">
          {t('signalen.coding.saveMemo')}
        </button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}
