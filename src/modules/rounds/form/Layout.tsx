import type { ReactNode } from 'react';
import type { Language } from '../../../core/language.ts';
import { PublicPage } from '../../../http/public-page.tsx';
import { formMessages } from './messages.ts';

/** The organisation behind the form: its name, and its logo and stylesheet (both served under `/r/<token>/`). */
export type FormBrand = {
  token: string;
  organisationName: string;
  /** The stylesheet's version (so it can be cached): changes when the colour changes. */
  styleVersion: string;
  logo: { width: number; height: number; version: string } | null;
};

/** The page around every respondent screen: small, no script needed, one stylesheet (and the organisation's). */
export function Layout(props: { lang: Language; title: string; languageHref?: string; brand?: FormBrand | undefined; children: ReactNode }) {
  const brand = props.brand;
  return (
    <PublicPage
      lang={props.lang}
      title={props.title}
      stylesheet="/r-assets/form.css"
      extraStylesheet={brand ? `/r/${brand.token}/brand.css?v=${brand.styleVersion}` : undefined}
      brand={brand ? <OrganisationMark brand={brand} /> : undefined}
      script="/r-assets/form.js"
      messages={formMessages(props.lang)}
      languageHref={props.languageHref}
    >
      {props.children}
    </PublicPage>
  );
}

function OrganisationMark({ brand }: { brand: FormBrand }) {
  if (!brand.logo) return <span className="brand org-name">{brand.organisationName}</span>;
  return (
    <img
      className="org-logo"
      src={`/r/${brand.token}/logo?v=${brand.logo.version}`}
      alt={brand.organisationName}
      width={brand.logo.width}
      height={brand.logo.height}
    />
  );
}
