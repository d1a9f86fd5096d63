import type { ErrorText } from '../../core/errors.ts';

/** Server texts of single sign-on, in plain language. */
export const ssoTexts = {
  issuerNotHttps: {
    nl: 'Vul het adres van de aanmeldserver in dat begint met https://.',
    en: 'Enter the address of the sign-in server, starting with https://.',
  },
  secretRequired: {
    nl: 'Vul het clientgeheim in dat je bij de aanmeldserver kreeg.',
    en: 'Enter the client secret you got from the sign-in server.',
  },
  domainTaken: {
    nl: 'Dit domein hoort al bij een andere organisatie:',
    en: 'This domain already belongs to another organisation:',
  },
  noSsoForDomain: {
    nl: 'Voor dit e-mailadres is aanmelden via je organisatie niet ingesteld. Meld je aan met je wachtwoord.',
    en: 'Signing in through your organisation is not set up for this e-mail address. Sign in with your password.',
  },
  providerUnreachable: {
    nl: 'De aanmeldserver van je organisatie antwoordt nu niet. Probeer het later opnieuw of meld je aan met je wachtwoord.',
    en: "Your organisation's sign-in server is not answering now. Try again later or sign in with your password.",
  },
} satisfies Record<string, ErrorText>;
