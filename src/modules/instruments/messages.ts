import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when an instrument rule refuses something; the edge picks the language. */
export const instrumentsMessages = {
  'instruments.version_published': {
    nl: 'Deze versie is al gepubliceerd en kan niet meer veranderen. Maak een nieuwe versie.',
    en: 'This version has already been published and can no longer change. Make a new version.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    instruments: keyof typeof instrumentsMessages;
  }
}
