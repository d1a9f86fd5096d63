import type { ReactNode } from 'react';
import type { Language } from '../../../core/language.ts';
import { formMessages } from './messages.ts';

/** The page around every respondent screen: small, no script needed, one stylesheet. */
export function Layout(props: { lang: Language; title: string; languageHref?: string; children: ReactNode }) {
  const t = formMessages(props.lang);
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/r-assets/form.css" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <header className="top">
          <span className="brand">Kruisbestuiving</span>
          {props.languageHref && (
            <a href={props.languageHref} lang={t.otherLanguageCode} hrefLang={t.otherLanguageCode}>
              {t.otherLanguage}
            </a>
          )}
        </header>
        <main id="main">{props.children}</main>
        <script src="/r-assets/form.js" defer />
      </body>
    </html>
  );
}
