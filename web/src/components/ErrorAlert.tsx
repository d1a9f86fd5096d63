import { useT } from '../i18n.ts';

/**
 * A problem the person must know about, read out at once (role="alert"). Give it a new `key`
 * for every attempt so the same message is announced again. Shows the request id for support.
 */
export function ErrorAlert({ message, requestId, id }: { message: string | null; requestId?: string | undefined; id?: string }) {
  const { t } = useT();
  if (!message) return null;
  return (
    <div className="error-alert" role="alert" id={id}>
      <p>
        <span className="error-icon" aria-hidden="true">
          !
        </span>
        <span className="visually-hidden">{t('common.errorPrefix')} </span>
        {message}
      </p>
      {requestId && <p className="error-code">{t('error.code', { id: requestId })}</p>}
    </div>
  );
}
