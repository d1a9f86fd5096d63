import type { MessageCatalogue } from '../../core/errors.ts';

/**
 * What people read when a meeting rule refuses something through the API; the participant pages
 * (/m/<code>) show their own texts (page/messages.ts). The edge picks the language.
 */
export const meetingsMessages = {
  'meetings.meeting_closed': { nl: 'Deze ontmoeting is afgelopen. Je antwoord is niet bewaard.', en: 'This meeting has ended. Your answer was not saved.' },
  'meetings.prompt_closed': { nl: 'Deze vraag is gesloten. Je antwoord is niet bewaard.', en: 'This question is closed. Your answer was not saved.' },
  'meetings.not_finished': {
    nl: 'Alleen een afgelopen ontmoeting kan als verslag bij een traject. Rond de ontmoeting eerst af.',
    en: 'Only a finished meeting can be a record of a trajectory. Finish the meeting first.',
  },
  'meetings.pdf_unavailable': {
    nl: 'Een PDF maken lukt nu niet. Download het verslag als Markdown.',
    en: 'A PDF cannot be made right now. Download the report as Markdown.',
  },
  'meetings.round_consent_changed': {
    nl: 'De uitleg is net veranderd. Lees ze nog eens en kies opnieuw.',
    en: 'The explanation just changed. Please read it again and choose again.',
  },
  'meetings.no_free_join_code': {
    nl: 'Er is nu geen vrije code voor een ontmoeting. Probeer het zo opnieuw.',
    en: 'There is no free meeting code right now. Try again in a moment.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    meetings: keyof typeof meetingsMessages;
  }
}
