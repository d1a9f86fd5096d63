import type { ErrorId, MessageCatalogue } from './errors.ts';
import type { Language } from './language.ts';

/** What a person reads when something goes wrong: plain language, no internals. */
export const errorMessages: Record<ErrorId, Record<Language, string>> = {
  validation_failed: {
    nl: 'Niet alle gegevens zijn goed ingevuld. Kijk de velden na en probeer opnieuw.',
    en: 'Some of the information is not filled in correctly. Check the fields and try again.',
  },
  unauthenticated: { nl: 'Je bent niet (meer) aangemeld. Meld je opnieuw aan.', en: 'You are not signed in (any more). Please sign in again.' },
  forbidden: { nl: 'Je hebt geen toestemming om dit te doen.', en: 'You are not allowed to do this.' },
  not_found: { nl: 'Dit bestaat niet, of je hebt er geen toegang toe.', en: 'This does not exist, or you do not have access to it.' },
  conflict: {
    nl: 'Dit botst met wat er al is. Vernieuw de pagina en probeer opnieuw.',
    en: 'This conflicts with what is already there. Refresh the page and try again.',
  },
  invalid_credentials: { nl: 'Het e-mailadres of het wachtwoord klopt niet.', en: 'The e-mail address or the password is not correct.' },
  invitation_invalid: {
    nl: 'Deze uitnodiging is niet (meer) geldig. Vraag de beheerder om een nieuwe link.',
    en: 'This invitation is not valid (any more). Ask the administrator for a new link.',
  },
  rate_limited: {
    nl: 'Te veel pogingen na elkaar. Wacht even en probeer het dan opnieuw.',
    en: 'Too many attempts in a row. Wait a moment and then try again.',
  },
  payload_too_large: { nl: 'Wat je stuurde is te groot.', en: 'What you sent is too large.' },
  csrf_invalid: {
    nl: 'Je sessie is verlopen of de pagina is te oud. Vernieuw de pagina en probeer opnieuw.',
    en: 'Your session has expired or the page is out of date. Refresh the page and try again.',
  },
  internal: {
    nl: 'Er ging iets mis aan onze kant. Niets van je gegevens is veranderd. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. None of your data was changed. Please try again later.',
  },
};

/** The texts of codes thrown by the HTTP layer itself and by core. */
export const coreMessages = {
  'core.invalid_json': { nl: 'De gegevens zijn geen geldige JSON.', en: 'The data is not valid JSON.' },
  'core.unsupported_media_type': { nl: 'Dit soort gegevens wordt niet aanvaard.', en: 'This kind of data is not accepted.' },
  'core.nothing_to_change': {
    nl: 'Er is niets om te wijzigen: vul minstens één veld in.',
    en: 'There is nothing to change: fill in at least one field.',
  },
  'core.untrusted_host': {
    nl: 'Deze server kent zijn publieke adres niet, dus maakt hij geen links. Vraag de beheerder om PUBLIC_URL in te stellen.',
    en: 'This server does not know its public address, so it makes no links. Ask the administrator to set PUBLIC_URL.',
  },
} as const satisfies MessageCatalogue;

declare module './errors.ts' {
  interface MessageCodes {
    core: keyof typeof coreMessages;
  }
}
