import { useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useT } from '../../i18n.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { StatusMessage } from '../StatusMessage.tsx';

/**
 * "Mijn gegevens": the person's door to their rights. Download everything the platform keeps about
 * them (GET /api/me/export.zip), and ask to be erased (an admin of each organisation erases).
 */
export function MyDataSection() {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const ask = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { organisations } = await api.post<{ organisations: { name: string }[] }>('/api/me/erasure-request');
      setStatus(
        organisations.length > 0
          ? t('account.myData.erasureAsked', { organisations: organisations.map((o) => o.name).join(', ') })
          : t('account.myData.erasureAskedNoOrganisation'),
      );
      setAsking(false);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading" ref={heading} tabIndex={-1}>
        {t('account.myData.heading')}
      </h2>
      <h3>{t('account.myData.downloadHeading')}</h3>
      <p>{t('settings.dataText')}</p>
      <p>
        <a className="button button-secondary" href="/api/me/export.zip" download>
          {t('settings.dataDownload')}
        </a>
      </p>
      <h3>{t('account.myData.erasureHeading')}</h3>
      <p>{t('account.myData.erasureText')}</p>
      <p>{t('account.myData.erasureWho')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger-outline"
          onClick={() => {
            setStatus(null);
            setError(null);
            setAsking(true);
          }}
        >
          {t('account.myData.erasureButton')}
        </button>
      </div>
      <StatusMessage message={status} />
      <ConfirmDialog
        open={asking}
        title={t('account.myData.erasureConfirmTitle')}
        confirmLabel={t('account.myData.erasureConfirm')}
        onConfirm={ask}
        onCancel={() => setAsking(false)}
        busy={busy}
        error={error}
        focusAfterConfirm={heading}
      >
        <p>{t('account.myData.erasureConfirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
