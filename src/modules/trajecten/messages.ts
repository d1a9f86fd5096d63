import type { MessageCatalogue } from '../../core/errors.ts';

/** What people read when a trajectory rule refuses something; the edge picks the language. */
export const trajectenMessages = {
  'trajecten.charter_nothing_changed': {
    nl: 'Er is niets veranderd sinds de laatste versie. Een nieuwe versie is niet nodig.',
    en: 'Nothing has changed since the latest version. A new version is not needed.',
  },
  'trajecten.charter_made_meanwhile': {
    nl: 'Iemand anders maakte net een nieuwe versie. Vernieuw de pagina.',
    en: 'Someone else has just made a new version. Refresh the page.',
  },
  'trajecten.charter_not_latest': { nl: 'Je kan alleen de nieuwste versie ondertekenen.', en: 'You can only sign the newest version.' },
  'trajecten.charter_outdated': {
    nl: 'Er is iets veranderd sinds deze versie. Maak eerst een nieuwe versie en onderteken die.',
    en: 'Something has changed since this version. First make a new version, then sign that one.',
  },
  'trajecten.charter_pdf_unavailable': {
    nl: 'Een PDF maken lukt nu niet: Chromium is niet geïnstalleerd op de server. Download het kader als Markdown, of druk de pagina af vanuit je browser.',
    en: 'A PDF cannot be made right now: Chromium is not installed on the server. Download the charter as Markdown, or print the page from your browser.',
  },
  'trajecten.unknown_section': { nl: 'Dit deel bestaat niet.', en: 'This section does not exist.' },
  'trajecten.check_exists': {
    nl: 'Voor dit moment is er al een teamcheck. Vernieuw de pagina.',
    en: 'There already is a team check for this moment. Refresh the page.',
  },
  'trajecten.unknown_code': { nl: 'Kies een van de mogelijke waarden.', en: 'Choose one of the allowed values.' },
  'trajecten.not_in_team': { nl: 'Kies iemand uit het team.', en: 'Choose someone from the team.' },
  'trajecten.only_experience_workers': {
    nl: 'Statuut en mandaat gaan over ervaringswerkers in het team.',
    en: 'Status and mandate are about the experience workers in the team.',
  },
  'trajecten.no_round': { nl: 'Deze ronde bestaat niet in je organisatie.', en: 'This round does not exist in your organisation.' },
  'trajecten.choice_needs_title': { nl: 'Schrijf welke vraag jullie beantwoorden.', en: 'Write which question you are answering.' },
  'trajecten.topic_fixed': { nl: 'Het onderwerp kan niet veranderen.', en: 'The topic cannot change.' },
  'trajecten.presenter_must_take_part': {
    nl: 'De inbrenger en de begeleider doen zelf ook mee.',
    en: 'The presenter and the facilitator take part themselves too.',
  },
  'trajecten.unknown_step': { nl: 'Deze stap bestaat niet.', en: 'This step does not exist.' },
} as const satisfies MessageCatalogue;

declare module '../../core/errors.ts' {
  interface MessageCodes {
    trajecten: keyof typeof trajectenMessages;
  }
}
