import { createHash } from 'node:crypto';
import { dayInWords } from '../../core/dates.ts';
import type { Language } from '../../core/language.ts';
import type { Role } from '../organisations/model.ts';
import { type RoundDataSettings, respondentDataPolicy } from './data-policy.ts';

export type AnonymitySettings = RoundDataSettings;

const roleWords: Record<Language, Record<Role, string>> = {
  nl: { admin: 'beheerders', researcher: 'onderzoekers', coordinator: 'coördinatoren', member: 'leden' },
  en: { admin: 'admins', researcher: 'researchers', coordinator: 'coordinators', member: 'members' },
};

/** "de onderzoekers en beheerders", in a fixed order whatever the policy's order. */
function whoWords(roles: readonly Role[], lang: Language): string {
  const order: Role[] = ['researcher', 'admin', 'coordinator', 'member'];
  const words = order.filter((r) => roles.includes(r)).map((r) => roleWords[lang][r]);
  const and = lang === 'nl' ? ' en ' : ' and ';
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words.at(-1)}`;
}

/**
 * What a respondent reads before the first question, written from the round's real settings
 * through the same policy the export follows (data-policy.ts), so the promise always matches
 * what the system does. The version is a hash of the exact text.
 */
export function anonymityStatement(settings: AnonymitySettings, lang: Language): { paragraphs: string[]; version: string } {
  const policy = respondentDataPolicy(settings);
  const k = policy.threshold;
  const who = whoWords(policy.rowLevelRoles, lang);
  const org = settings.organisationName;
  const scope = settings.teamName
    ? lang === 'nl'
      ? `We bewaren alleen dat je antwoorden bij ${org}, ${settings.teamName}, horen.`
      : `We only keep that your answers belong to ${org}, ${settings.teamName}.`
    : lang === 'nl'
      ? `We bewaren alleen dat je antwoorden bij ${org} horen, niet bij welk team.`
      : `We only keep that your answers belong to ${org}, not which team.`;
  const team = settings.teamName
    ? lang === 'nl'
      ? ` Je team staat er alleen bij als minstens ${policy.teamInRowsFrom} mensen van je team de vragenlijst invulden.`
      : ` Your team is only in it when at least ${policy.teamInRowsFrom} people of your team filled in the questionnaire.`
    : '';
  const invitation = settings.invited
    ? lang === 'nl'
      ? [
          'Je kreeg een persoonlijke uitnodiging per e-mail. Op de lijst met uitnodigingen staat alleen óf je link gebruikt is, zodat je geen herinnering meer krijgt. Nergens staat welke antwoorden bij welke uitnodiging horen: de uitnodigingen en de antwoorden staan apart, zonder verband. Het vinkje "gebruikt" zetten we niet op het moment dat je antwoordt, maar later, één keer per dag voor alle uitnodigingen samen. Als de vragenlijst sluit, wissen we je e-mailadres.',
        ]
      : [
          'You received a personal invitation by e-mail. The list of invitations only holds whether your link was used, so you get no more reminders. Nowhere is it kept which answers belong to which invitation: the invitations and the answers are kept apart, without a link. The mark "used" is not set when you answer, but later, once a day for all invitations together. When the questionnaire closes, we erase your e-mail address.',
        ]
    : [];
  const paragraphs =
    lang === 'nl'
      ? [
          'Je doet anoniem mee. Je hebt geen account nodig en we vragen je naam niet.',
          `${scope} We bewaren geen IP-adres en niet het uur waarop je antwoordt, alleen de dag.`,
          `In de resultaten tellen we antwoorden samen. Als minder dan ${k} mensen iets antwoorden, tonen we dat getal aan de meeste mensen niet.`,
          `Alleen de ${who} van ${org} zien alle getallen, ook kleine. Zij kunnen de antwoorden ook downloaden als een tabel met één rij per persoon. Daarin staan al je antwoorden, maar niet je naam.${team}`,
          policy.openTextInRows
            ? 'Wat je zelf schrijft in open vragen, staat ook in die tabel. Schrijf er geen namen in.'
            : 'Wat je zelf schrijft in open vragen, staat niet in die tabel. Het blijft binnen het platform.',
          ...invitation,
          `Waarom? De antwoorden helpen om ervaringswerk in jullie organisatie beter te maken. Je kunt meedoen tot en met ${dayInWords(settings.closesOn, 'nl')}. Je mag vragen overslaan die niet verplicht zijn, en je mag altijd stoppen.`,
        ]
      : [
          'You take part anonymously. You do not need an account and we do not ask your name.',
          `${scope} We do not keep your IP address or the time you answer, only the day.`,
          `Results add answers together. When fewer than ${k} people give an answer, most people do not see that number.`,
          `Only the ${who} of ${org} see all numbers, small ones too. They can also download the answers as a table with one row per person. It holds all your answers, but not your name.${team}`,
          policy.openTextInRows
            ? 'What you write yourself in open questions is in that table too. Do not write names in it.'
            : 'What you write yourself in open questions is not in that table. It stays inside the platform.',
          ...invitation,
          `Why? The answers help to improve experience work in your organisation. You can take part until ${dayInWords(settings.closesOn, 'en')} (inclusive). You may skip questions that are not required, and you may stop at any time.`,
        ];
  const version = createHash('sha256').update(paragraphs.join('\n')).digest('hex').slice(0, 16);
  return { paragraphs, version };
}
