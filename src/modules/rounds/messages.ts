import type { MessageCatalogue } from '../../core/errors.ts';

/**
 * What people read when a respondent rule refuses something outside the form's own pages (the form
 * shows its own page for each case, with the texts in form/messages.ts); the edge picks the language.
 */
export const roundsMessages = {
  'rounds.round_closed': { nl: 'Deze vragenlijst is gesloten.', en: 'This questionnaire is closed.' },
  'rounds.foreign_draft': { nl: 'Deze antwoorden horen bij een andere browser.', en: 'These answers belong to another browser.' },
  'rounds.invitation_used': { nl: 'Deze link is al gebruikt.', en: 'This link has been used.' },
  'rounds.consent_changed': {
    nl: 'De uitleg is intussen veranderd. Lees de uitleg opnieuw voor je begint.',
    en: 'The explanation has changed. Please read the explanation again before you start.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    rounds: keyof typeof roundsMessages;
  }
}
