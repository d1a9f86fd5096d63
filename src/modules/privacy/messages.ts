import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when a privacy rule refuses something; the edge picks the language. */
export const privacyMessages = {
  'privacy.erase_self': { nl: 'Je kunt jezelf niet wissen. Vraag het aan een andere beheerder.', en: 'You cannot erase yourself. Ask another admin.' },
  'privacy.erase_other_organisation': {
    nl: 'Deze persoon is ook lid van een organisatie waar jij geen beheerder bent. Een beheerder van die organisatie moet dit doen.',
    en: 'This person is also a member of an organisation where you are not an admin. An admin of that organisation must do this.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    privacy: keyof typeof privacyMessages;
  }
}
