import { type FormEvent, useState } from 'react';
import { ApiError, api, apiPath } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useRevalidate } from '../../hooks/useRevalidate.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { TextAreaField } from '../TextAreaField.tsx';
import type { Memo } from './types.ts';

function MemoItem({ orgId, memo }: { orgId: string; memo: Memo }) {
  const { t } = useT();
  const lang = currentLanguage();
  const revalidate = useRevalidate();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(memo.body);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await revalidate();
      setEditing(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(() => api.patch(apiPath`/api/orgs/${orgId}/coding/memos/${memo.id}`, { body }));
  };
  return (
    <li>
      <strong>{memo.title}</strong>
      <ErrorAlert message={error} />
      {editing ? (
        <form className="form" noValidate onSubmit={save}>
          <TextAreaField label={t('signalen.coding.memoBody')} rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button-primary button-small">
              {t('signalen.coding.saveMemo')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setEditing(false)}>
              {t('signalen.coding.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="cell-break">{memo.body}</p>
      )}
      <p className="signal-meta">
        {memo.createdBy?.displayName ?? t('signalen.someone')} · {formatDateTime(memo.updatedAt, lang)}
      </p>
      {!editing && (
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
            {t('signalen.coding.editMemo', { title: memo.title })}
          </button>
          <button
            type="button"
            className="button button-danger-outline button-small"
            onClick={() => act(() => api.delete(apiPath`/api/orgs/${orgId}/coding/memos/${memo.id}`))}
          >
            {t('signalen.coding.deleteMemo', { title: memo.title })}
          </button>
        </div>
      )}
    </li>
  );
}

/** Memos with their writer and date; each can be changed or deleted. */
export function MemoList({ orgId, memos }: { orgId: string; memos: Memo[] }) {
  const { t } = useT();
  if (memos.length === 0) return <p>{t('signalen.coding.noMemos')}</p>;
  return (
    <ul className="signal-list">
      {memos.map((m) => (
        <MemoItem key={m.id} orgId={orgId} memo={m} />
      ))}
    </ul>
  );
}
