import { useEffect, useRef, useState } from 'react';
import { type LoaderFunctionArgs, useLoaderData } from 'react-router';
import { requireOrganisation } from '../access.ts';
import { api, apiPath } from '../api.ts';
import { ResultsView } from '../components/meetings/ResultsView.tsx';
import { useLiveSnapshot } from '../components/meetings/useLiveSnapshot.ts';
import { currentLanguage, useT } from '../i18n.ts';
import '../components/meetings/meetings.css';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const org = await requireOrganisation(request, params.orgId);
  const join = await api.get<{ url: string; qrSvg: string }>(apiPath`/api/orgs/${org.id}/meetings/${params.meetingId ?? ''}/join`, { signal: request.signal });
  return { orgId: org.id, meetingId: params.meetingId ?? '', join };
}

/** The projector screen: the big code and QR, the current prompt, live results once revealed, joined and answered. */
export function Component() {
  const { t } = useT();
  const lang = currentLanguage();
  const data = useLoaderData<typeof loader>();
  const { snapshot } = useLiveSnapshot(data.orgId, data.meetingId);
  const qr = useRef<HTMLDivElement>(null);
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    // The QR is the server's own SVG of the join address; parsed, not injected as HTML.
    const svg = new DOMParser().parseFromString(data.join.qrSvg, 'image/svg+xml').documentElement;
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('meetings.qr'));
    qr.current?.replaceChildren(svg);
  }, [data.join.qrSvg, t]);
  const prompt = snapshot?.prompt;
  useEffect(() => {
    if (prompt) setAnnounced(prompt.text[lang]);
  }, [prompt, lang]);
  const host = data.join.url.replace(/\/m\/.*$/, '/m');
  return (
    <main id="main" className="presenter">
      <h1 className="visually-hidden">{snapshot?.meeting.title ?? t('meetings.presenter')}</h1>
      <aside className="presenter-join">
        <p>
          {t('meetings.goTo')} <strong>{host}</strong>
        </p>
        <p className="presenter-code">
          <span aria-hidden="true">{snapshot?.meeting.joinCode ?? ''}</span>
          <span className="visually-hidden">{t('meetings.codeSpelled', { code: snapshot?.meeting.joinCode.split('').join(' ') ?? '' })}</span>
        </p>
        <div className="presenter-qr" ref={qr} />
        <p>{t('meetings.joined', { count: snapshot?.joined ?? 0 })}</p>
      </aside>
      <section className="presenter-prompt">
        {prompt ? (
          <>
            <h2>{prompt.text[lang]}</h2>
            <p>{t('meetings.answered', { count: snapshot?.results?.answered ?? 0 })}</p>
            {prompt.resultsVisible && snapshot?.results ? (
              <ResultsView prompt={prompt} view={snapshot.results} lang={lang} big />
            ) : (
              <p className="presenter-wait">{t('meetings.answerFirst')}</p>
            )}
          </>
        ) : (
          <p>{t('meetings.connecting')}</p>
        )}
      </section>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </main>
  );
}
