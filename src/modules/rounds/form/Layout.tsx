import type { ReactNode } from 'react';
import type { Language } from '../../../core/language.ts';
import { PublicPage } from '../../../http/public-page.tsx';
import { formMessages } from './messages.ts';

/** The page around every respondent screen: small, no script needed, one stylesheet. */
export function Layout(props: { lang: Language; title: string; languageHref?: string; children: ReactNode }) {
  return (
    <PublicPage
      lang={props.lang}
      title={props.title}
      stylesheet="/r-assets/form.css"
      script="/r-assets/form.js"
      messages={formMessages(props.lang)}
      languageHref={props.languageHref}
    >
      {props.children}
    </PublicPage>
  );
}
