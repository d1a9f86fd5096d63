import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api.ts';
import { LanguageSelect } from '../components/LanguageSelect.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { useT } from '../i18n.ts';

function statusOf(error: unknown): number {
  if (isRouteErrorResponse(error)) return error.status;
  if (error instanceof ApiError) return error.status;
  return 500;
}

/**
 * What people see when a page cannot be shown: a plain explanation and a way on, never a stack
 * trace. `standalone` is for errors so early that the normal page frame is not there.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useT();
  const error = useRouteError();
  const status = statusOf(error);
  if (status >= 500 || !(error instanceof ApiError || isRouteErrorResponse(error))) console.error(error);

  const title = status === 404 ? t('notFound.title') : status === 403 ? t('error.forbiddenTitle') : t('error.title');
  const text =
    status === 404
      ? t('error.notFoundText')
      : status === 403
        ? t('error.forbiddenText')
        : error instanceof ApiError && error.id === 'network'
          ? error.message
          : t('error.text');
  const requestId = error instanceof ApiError && status >= 500 ? error.requestId : undefined;
  // No connection (status 0) or trouble on the server: trying again may help.
  const retry = status === 0 || status >= 500;

  const content = (
    <>
      <PageTitle text={title} />
      <p>{text}</p>
      {requestId && <p className="error-code">{t('error.code', { id: requestId })}</p>}
      <ul className="link-list">
        {retry && (
          <li>
            <a href={window.location.href}>{t('error.reload')}</a>
          </li>
        )}
        <li>
          <Link to="/">{t('common.backToHome')}</Link>
        </li>
      </ul>
    </>
  );

  if (!standalone) return content;
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="header-bar">
          <a className="brand" href="/">
            {t('common.appName')}
          </a>
          <LanguageSelect />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main-narrow">
        {content}
      </main>
    </div>
  );
}
