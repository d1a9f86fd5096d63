import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when single sign-on refuses something, in plain language; the edge picks the language. */
export const ssoMessages = {
  'sso.issuer_not_https': {
    nl: 'Vul het adres van de aanmeldserver in dat begint met https://.',
    en: 'Enter the address of the sign-in server, starting with https://.',
  },
  'sso.secret_required': {
    nl: 'Vul het clientgeheim in dat je bij de aanmeldserver kreeg.',
    en: 'Enter the client secret you got from the sign-in server.',
  },
  /** {domains}: the domains already taken, comma-separated. */
  'sso.domain_taken': {
    nl: 'Dit domein hoort al bij een andere organisatie: {domains}',
    en: 'This domain already belongs to another organisation: {domains}',
  },
  'sso.no_sso_for_domain': {
    nl: 'Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld. Meld je aan met je wachtwoord.',
    en: 'Signing in through your organisation is not set up for this e-mail address. Sign in with your password.',
  },
  'sso.provider_unreachable': {
    nl: 'De aanmeldserver van je organisatie antwoordt nu niet. Probeer het later opnieuw of meld je aan met je wachtwoord.',
    en: "Your organisation's sign-in server is not answering now. Try again later or sign in with your password.",
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    sso: keyof typeof ssoMessages;
  }
}
