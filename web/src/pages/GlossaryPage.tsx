import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkView as Framework, LocalisedText as Text } from '../../../src/modules/frameworks/model.ts';
import { ApiError, api } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { fixedT, NS } from '../i18n.ts';

type GlossaryKey =
  | 'glossary.title'
  | 'glossary.intro'
  | 'glossary.loading'
  | 'glossary.contents'
  | 'glossary.exclusive'
  | 'glossary.empty'
  | 'glossary.sources';

/** The answer holds every version; the glossary explains the words in use now. */
function latestVersions(frameworks: Framework[]): Framework[] {
  const latest = new Map<string, Framework>();
  for (const f of frameworks) {
    const seen = latest.get(f.key);
    if (!seen || f.version > seen.version) latest.set(f.key, f);
  }
  return [...latest.values()];
}

type State = { status: 'loading' } | { status: 'ready'; frameworks: Framework[] } | { status: 'failed'; error: ApiError };

/** "Begrippen": every built-in framework with its codes and what they mean, in the chosen language. Public. */
export function GlossaryPage() {
  const { t: translate, i18n } = useTranslation(NS);
  // The glossary.* texts live in the locale files; typed loosely here so this page does not depend on their order of arrival.
  const t = translate as unknown as (key: GlossaryKey) => string;
  const lang: keyof Text = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ frameworks: Framework[] }>('/api/frameworks', { signal: controller.signal, redirectOnUnauthenticated: false })
      .then(({ frameworks }) => setState({ status: 'ready', frameworks: latestVersions(frameworks) }))
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        const error = caught instanceof ApiError ? caught : new ApiError({ id: 'internal', status: 0, message: fixedT()('common.unknownError') });
        setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, []);

  return (
    <>
      <PageTitle text={t('glossary.title')} />
      <p className="lead">{t('glossary.intro')}</p>
      {state.status === 'loading' && <p role="status">{t('glossary.loading')}</p>}
      {state.status === 'failed' && <ErrorAlert message={state.error.message} requestId={state.error.requestId} />}
      {state.status === 'ready' && state.frameworks.length === 0 && <p>{t('glossary.empty')}</p>}
      {state.status === 'ready' && state.frameworks.length > 0 && (
        <>
          <nav aria-labelledby="glossary-contents">
            <h2 id="glossary-contents">{t('glossary.contents')}</h2>
            <ul className="link-list">
              {state.frameworks.map((f) => (
                <li key={f.key}>
                  <a href={`#glossary-${f.key}`}>{f.name[lang]}</a>
                </li>
              ))}
            </ul>
          </nav>
          {state.frameworks.map((f) => (
            <section key={f.key} className="section" aria-labelledby={`glossary-${f.key}`}>
              <h2 id={`glossary-${f.key}`}>{f.name[lang]}</h2>
              <p>{f.description[lang]}</p>
              <dl className="glossary-list">
                {f.codes.map((c) => (
                  <div key={c.key}>
                    <dt>
                      <strong>{c.label[lang]}</strong>
                    </dt>
                    <dd>
                      {c.definition[lang]}
                      {c.exclusive && <> {t('glossary.exclusive')}</>}
                    </dd>
                  </div>
                ))}
              </dl>
              {f.sources && f.sources.length > 0 && (
                <>
                  <h3 id={`glossary-${f.key}-sources`}>{t('glossary.sources')}</h3>
                  <ul aria-labelledby={`glossary-${f.key}-sources`}>
                    {f.sources.map((source) => (
                      <li key={source.nl}>{source[lang]}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}

/** For the router's lazy(): the page component under the name it looks for. */
export const Component = GlossaryPage;

export default GlossaryPage;
