import type { ReactNode } from 'react';
import type { Language } from '../../../core/language.ts';
import { PublicPage } from '../../../http/public-page.tsx';
import type { Exhibition } from '../photovoice-model.ts';
import { exhibitionMessages } from './messages.ts';

const other = (lang: Language): Language => (lang === 'nl' ? 'en' : 'nl');

function Page(props: { lang: Language; title: string; languageHref?: string; children: ReactNode }) {
  return (
    <PublicPage
      lang={props.lang}
      title={props.title}
      stylesheet="/t-assets/exhibition.css"
      messages={exhibitionMessages(props.lang)}
      languageHref={props.languageHref}
    >
      {props.children}
    </PublicPage>
  );
}

/** The public exhibition: works without script, on a phone, on a big screen and on paper. */
export function ExhibitionPage({ exhibition, lang }: { exhibition: Exhibition; lang: Language }) {
  const t = exhibitionMessages(lang);
  const base = `/tentoonstelling/${exhibition.slug}`;
  return (
    <Page lang={lang} title={`${exhibition.title} — ${t.exhibition}`} languageHref={`${base}?lang=${other(lang)}`}>
      <div className="intro">
        <p className="kicker">{t.by(exhibition.organisationName)}</p>
        <h1>{exhibition.title}</h1>
        <p className="theme">
          <span>{t.theme}: </span>
          {exhibition.theme}
        </p>
        {exhibition.intro?.split(/\n{2,}/).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p className="count">{t.count(exhibition.items.length)}</p>
      </div>
      {exhibition.items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className="gallery">
          {exhibition.items.map((item) => (
            <li key={item.storyId}>
              <figure>
                {item.photo && (
                  <img
                    src={`${base}/foto/${item.storyId}`}
                    alt={item.photo.alt ?? ''}
                    width={item.photo.width}
                    height={item.photo.height}
                    loading="lazy"
                    decoding="async"
                  />
                )}
                <figcaption>
                  <h2>{item.title}</h2>
                  {item.caption && <p className="caption">{item.caption}</p>}
                  <p className="credit">{item.pseudonym ? t.photographer(item.pseudonym) : t.anonymous}</p>
                </figcaption>
              </figure>
              {item.text && (
                <details>
                  <summary>{t.readStory}</summary>
                  {item.text.split(/\n{2,}/).map((paragraph) => (
                    <p key={paragraph}>{paragraph}</p>
                  ))}
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <footer className="note">
        <p>{t.consentNote}</p>
      </footer>
    </Page>
  );
}

export function ExhibitionMissingPage({ lang }: { lang: Language }) {
  const t = exhibitionMessages(lang);
  return (
    <Page lang={lang} title={t.unknownTitle}>
      <h1>{t.unknownTitle}</h1>
      <p>{t.unknown}</p>
    </Page>
  );
}
