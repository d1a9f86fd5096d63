import type { MessageCatalogue } from '../../core/errors.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './model.ts';

/** What people read when an accounts rule refuses something; the edge picks the language. */
export const accountsMessages = {
  'accounts.email_taken': { nl: 'Er bestaat al een account met dit e-mailadres.', en: 'An account with this e-mail address already exists.' },
  'accounts.wrong_current_password': { nl: 'Je huidige wachtwoord klopt niet.', en: 'Your current password is not right.' },
  'accounts.password_too_short': {
    nl: `Gebruik minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is lang genoeg en goed te onthouden.`,
    en: `Use at least ${PASSWORD_MIN} characters. A sentence of a few words is long enough and easy to remember.`,
  },
  'accounts.password_too_long': { nl: `Gebruik hoogstens ${PASSWORD_MAX} tekens.`, en: `Use at most ${PASSWORD_MAX} characters.` },
  'accounts.password_common': {
    nl: 'Dit wachtwoord is te bekend: het staat op een lijst van veelgebruikte of gelekte wachtwoorden. Kies iets anders, bijvoorbeeld een zin van een paar woorden.',
    en: 'This password is too well known: it is on a list of common or leaked passwords. Choose something else, for example a sentence of a few words.',
  },
  'accounts.password_personal': {
    nl: 'Dit wachtwoord lijkt op je naam, je e-mailadres of de naam van Kruisbestuiving. Kies iets anders.',
    en: 'This password looks like your name, your e-mail address or the name Kruisbestuiving. Choose something else.',
  },
  'accounts.password_repetitive': {
    nl: 'Dit wachtwoord herhaalt steeds dezelfde tekens. Kies iets anders, bijvoorbeeld een zin van een paar woorden.',
    en: 'This password repeats the same characters. Choose something else, for example a sentence of a few words.',
  },
  'accounts.no_mail': {
    nl: 'Deze server verstuurt geen e-mail. Vraag de beheerder van je organisatie om een link om een nieuw wachtwoord te kiezen.',
    en: 'This server does not send e-mail. Ask the admin of your organisation for a link to choose a new password.',
  },
  'accounts.reset_other_organisation': {
    nl: 'Deze persoon is ook lid van een organisatie waar jij geen beheerder bent. Zonder e-mail kan alleen een beheerder van al hun organisaties een herstellink geven.',
    en: 'This person is also a member of an organisation where you are not an admin. Without e-mail, only an admin of all their organisations can give a reset link.',
  },
  'accounts.reset_link_invalid': {
    nl: 'Deze link werkt niet meer: hij is al gebruikt of ouder dan een uur. Vraag een nieuwe link aan.',
    en: 'This link no longer works: it has been used or is more than an hour old. Ask for a new link.',
  },
  'accounts.end_own_sessions': { nl: 'Je eigen sessies beëindig je bij Instellingen.', en: 'You end your own sessions in Settings.' },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    accounts: keyof typeof accountsMessages;
  }
}
