import { formatDateTime } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { Memo } from './types.ts';

export function MemoList({ memos }: { memos: Memo[] }) {
  const { t } = useT();
  const lang = currentLanguage();
  if (memos.length === 0) return <p>{t('signalen.coding.noMemos')}</p>;
  return (
    <ul className="signal-list">
      {memos.map((m) => (
        <li key={m.id}>
          <strong>{m.title}</strong>
          <p className="cell-break">{m.body}</p>
          <p className="signal-meta">
            {m.createdBy?.displayName ?? t('signalen.someone')} · {formatDateTime(m.updatedAt, lang)}
          </p>
        </li>
      ))}
    </ul>
  );
}
