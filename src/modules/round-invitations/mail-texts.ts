import type { Language } from '../../core/language.ts';

/** A date in words in the person's language: "2 januari 2027", "2 January 2027". */
export const dateInWords = (isoDate: string, lang: Language): string =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

type RoundFacts = { roundName: string; organisationName: string; closesOn: string };

const both = (f: (lang: Language) => string) => ({ nl: f('nl'), en: f('en') });

/** The texts of the three mails: nothing in them about answers, only the round and a link. */
export const invitationMail = (r: RoundFacts) => ({
  subject: both((l) => (l === 'nl' ? `Uitnodiging: ${r.roundName}` : `Invitation: ${r.roundName}`)),
  paragraphs: {
    nl: [
      `${r.organisationName} nodigt je uit om de vragenlijst "${r.roundName}" in te vullen.`,
      'Je doet anoniem mee. Deze link is alleen voor jou en werkt één keer. We bewaren niet welke antwoorden bij welke uitnodiging horen.',
      `Je kunt meedoen tot en met ${dateInWords(r.closesOn, 'nl')}.`,
    ],
    en: [
      `${r.organisationName} invites you to fill in the questionnaire "${r.roundName}".`,
      'You take part anonymously. This link is for you only and works once. We do not keep which answers belong to which invitation.',
      `You can take part until ${dateInWords(r.closesOn, 'en')} (inclusive).`,
    ],
  },
  label: both((l) => (l === 'nl' ? 'Vragenlijst openen' : 'Open the questionnaire')),
});

export const reminderMail = (r: RoundFacts) => ({
  subject: both((l) => (l === 'nl' ? `Herinnering: ${r.roundName}` : `Reminder: ${r.roundName}`)),
  paragraphs: {
    nl: [
      `Je bent uitgenodigd voor de vragenlijst "${r.roundName}" van ${r.organisationName}. Volgens onze lijst heb je je link nog niet gebruikt.`,
      `Je kunt nog meedoen tot en met ${dateInWords(r.closesOn, 'nl')}. Heb je het net gedaan? Dan mag je deze e-mail vergeten.`,
    ],
    en: [
      `You were invited to the questionnaire "${r.roundName}" of ${r.organisationName}. Our list says you have not used your link yet.`,
      `You can still take part until ${dateInWords(r.closesOn, 'en')} (inclusive). Did you just do it? Then you may ignore this e-mail.`,
    ],
  },
  label: both((l) => (l === 'nl' ? 'Vragenlijst openen' : 'Open the questionnaire')),
});

export const closingMail = (r: RoundFacts) => ({
  subject: both((l) => (l === 'nl' ? `Gesloten: ${r.roundName}` : `Closed: ${r.roundName}`)),
  paragraphs: {
    nl: [
      `De vragenlijst "${r.roundName}" van ${r.organisationName} is gesloten. Je kunt niet meer meedoen.`,
      'Dank je wel als je meedeed. Je e-mailadres is nu uit onze lijst gewist.',
    ],
    en: [
      `The questionnaire "${r.roundName}" of ${r.organisationName} is closed. You can no longer take part.`,
      'Thank you if you took part. Your e-mail address has now been erased from our list.',
    ],
  },
});
