import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when a second-factor rule refuses something; the edge picks the language. */
export const factorsMessages = {
  'factors.wrong_code': {
    nl: 'Die code klopt niet. Kijk of de tijd op je telefoon juist staat en typ de code die nu in de app staat.',
    en: 'That code is not right. Check that the time on your phone is correct and type the code the app shows now.',
  },
  'factors.totp_exists': {
    nl: 'Je hebt al een app ingesteld. Verwijder die eerst als je een nieuwe wilt instellen.',
    en: 'You already set up an app. Remove it first if you want to set up a new one.',
  },
  'factors.no_totp_setup': { nl: 'Begin opnieuw met het instellen van de app.', en: 'Start setting up the app again.' },
  'factors.second_factor_required': {
    nl: 'Je organisatie vraagt een tweede stap bij het aanmelden. Stel die eerst in bij Instellingen.',
    en: 'Your organisation asks for a second step when you sign in. Set it up first in Settings.',
  },
  'factors.passkey_not_added': {
    nl: 'Deze sleutel kon niet worden toegevoegd. Probeer het opnieuw.',
    en: 'This passkey could not be added. Please try again.',
  },
  'factors.no_second_factor': { nl: 'Stel eerst een tweede stap in: een app of een sleutel.', en: 'First set up a second step: an app or a passkey.' },
  'factors.sign_in_again': {
    nl: 'Je aanmelding is verlopen. Meld je opnieuw aan met je e-mailadres en wachtwoord.',
    en: 'Your sign-in has expired. Please sign in again with your e-mail address and password.',
  },
  'factors.passkey_refused': {
    nl: 'Aanmelden met deze sleutel lukte niet. Probeer het opnieuw of meld je aan met je wachtwoord.',
    en: 'Signing in with this passkey did not work. Try again or sign in with your password.',
  },
  'factors.wrong_recovery_code': { nl: 'Die herstelcode klopt niet of is al gebruikt.', en: 'That recovery code is not right or was used before.' },
  'factors.own_factor_first': {
    nl: 'Stel eerst voor jezelf een tweede stap in (bij Instellingen). Daarna kun je die ook van anderen vragen.',
    en: 'First set up a second step for yourself (in Settings). Then you can ask it of others too.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    factors: keyof typeof factorsMessages;
  }
}
