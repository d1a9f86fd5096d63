import { createHash } from 'node:crypto';
import type { Language } from '../../core/language.ts';
import type { Role } from '../organisations/model.ts';
import { respondentDataPolicy } from '../rounds/data-policy.ts';

/** The settings the phone's question "may these answers also count as a questionnaire?" is written from. */
export type MeetingRoundSettings = {
  organisationName: string;
  /** The titles of the questionnaires the linked prompts come from, in the room's language pair. */
  instruments: { nl: string; en: string }[];
  /** The prompts' numbers (1-based) that are linked. */
  promptNumbers: number[];
  disclosureThreshold: number;
};

const roleWords: Record<Language, Record<Role, string>> = {
  nl: { admin: 'beheerders', researcher: 'onderzoekers', coordinator: 'coördinatoren', member: 'leden' },
  en: { admin: 'admins', researcher: 'researchers', coordinator: 'coordinators', member: 'members' },
};

function list(words: string[], lang: Language): string {
  const and = lang === 'nl' ? ' en ' : ' and ';
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words.at(-1)}`;
}

/**
 * What a participant reads before choosing, written from the meeting's real settings through the same
 * policy a survey round's export follows (rounds/data-policy.ts): the stored round has no team and no
 * open answers, and counts under the threshold are hidden. The version is a hash of the exact text.
 */
export function meetingRoundStatement(settings: MeetingRoundSettings, lang: Language): { paragraphs: string[]; version: string } {
  const policy = respondentDataPolicy({ openTextExport: false, disclosureThreshold: settings.disclosureThreshold });
  const order: Role[] = ['researcher', 'admin', 'coordinator', 'member'];
  const who = list(
    order.filter((r) => policy.rowLevelRoles.includes(r)).map((r) => roleWords[lang][r]),
    lang,
  );
  const titles = list(
    settings.instruments.map((i) => `“${i[lang]}”`),
    lang,
  );
  const numbers = list(settings.promptNumbers.map(String), lang);
  const org = settings.organisationName;
  const k = policy.threshold;
  const paragraphs =
    lang === 'nl'
      ? [
          `Vraag ${numbers} komt ook uit de vragenlijst ${titles}. Mogen we je antwoord daarop ook bewaren als een ingevulde vragenlijst van ${org}? Dan kunnen we de ontmoeting vergelijken met de vragenlijst.`,
          'We bewaren alleen je antwoorden op die vragen. Niet je naam, niet je positie, niet je team en niet het uur. Open antwoorden gaan er niet in.',
          `In de resultaten tellen we antwoorden samen. Als minder dan ${k} mensen iets antwoorden, tonen we dat getal aan de meeste mensen niet. Alleen de ${who} van ${org} zien alle getallen en kunnen een tabel met één rij per persoon downloaden, zonder naam.`,
          'Met je ontvangstcode kun je je antwoorden later terugtrekken. Dan verdwijnen ze ook uit de vragenlijst.',
          'Zeg je nee, dan tellen je antwoorden alleen mee in deze ontmoeting.',
        ]
      : [
          `Question ${numbers} also comes from the questionnaire ${titles}. May we also keep your answer as a filled-in questionnaire of ${org}? Then we can compare the meeting with the questionnaire.`,
          'We only keep your answers to those questions. Not your name, your position, your team or the time. Open answers are not part of it.',
          `Results add answers together. When fewer than ${k} people give an answer, most people do not see that number. Only the ${who} of ${org} see all numbers and can download a table with one row per person, without names.`,
          'With your receipt code you can withdraw your answers later. They then also leave the questionnaire.',
          'If you say no, your answers only count in this meeting.',
        ];
  const version = createHash('sha256').update(paragraphs.join('\n')).digest('hex').slice(0, 16);
  return { paragraphs, version };
}
