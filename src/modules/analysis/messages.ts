import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when the analysis refuses something; the edge (HTTP or the command line) picks the language. */
export const analysisMessages = {
  'analysis.results_not_shared': {
    nl: 'De uitkomsten van deze ronde zijn (nog) niet gedeeld. De onderzoeker bepaalt of en wanneer ze gedeeld worden.',
    en: 'The results of this round are not shared (yet). The researcher decides whether and when they are shared.',
  },
  'analysis.pdf_unavailable': {
    nl: 'Een PDF maken lukt nu niet: het programma daarvoor (Chromium) is niet geïnstalleerd op de server. Download het rapport als HTML en druk het af vanuit je browser, of vraag de beheerder om Chromium te installeren.',
    en: 'A PDF cannot be made right now: the program for it (Chromium) is not installed on the server. Download the report as HTML and print it from your browser, or ask the administrator to install Chromium.',
  },
  /** The command line names a round by its key: {round}, and {organisation} when one was named. */
  'analysis.no_round_with_key': { nl: 'Geen ronde met sleutel "{round}".', en: 'No round with key "{round}".' },
  'analysis.no_round_with_key_in': { nl: 'Geen ronde met sleutel "{round}" in "{organisation}".', en: 'No round with key "{round}" in "{organisation}".' },
  'analysis.round_key_ambiguous': {
    nl: 'Meer dan één organisatie heeft een ronde "{round}": {organisations}. Noem er één met --org.',
    en: 'More than one organisation has a round "{round}": {organisations}. Name one with --org.',
  },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    analysis: keyof typeof analysisMessages;
  }
}
