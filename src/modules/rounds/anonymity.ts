import { createHash } from 'node:crypto';
import type { Language } from '../../core/language.ts';

export type AnonymitySettings = {
  organisationName: string;
  teamName: string | null;
  closesOn: string;
  openTextExport: boolean;
  disclosureThreshold: number;
};

/**
 * What a respondent reads before the first question, written from the round's real settings, so
 * the promise always matches what the system does. The version is a hash of the exact text.
 */
export function anonymityStatement(settings: AnonymitySettings, lang: Language): { paragraphs: string[]; version: string } {
  const scope = settings.teamName
    ? lang === 'nl'
      ? `We bewaren alleen dat je antwoorden bij ${settings.organisationName}, team ${settings.teamName}, horen.`
      : `We only keep that your answers belong to ${settings.organisationName}, team ${settings.teamName}.`
    : lang === 'nl'
      ? `We bewaren alleen dat je antwoorden bij ${settings.organisationName} horen, niet bij welk team.`
      : `We only keep that your answers belong to ${settings.organisationName}, not which team.`;
  const paragraphs =
    lang === 'nl'
      ? [
          'Je doet anoniem mee. Je hebt geen account nodig en we vragen je naam niet.',
          `${scope} We bewaren geen IP-adres en niet het uur waarop je antwoordt, alleen de dag.`,
          `Niemand ziet jouw antwoorden apart. In de resultaten tellen we antwoorden samen. Als minder dan ${settings.disclosureThreshold} mensen iets antwoorden, tonen we dat getal niet.`,
          settings.openTextExport
            ? 'Wat je zelf schrijft in open vragen, kunnen de onderzoekers lezen. Schrijf er geen namen in.'
            : 'Wat je zelf schrijft in open vragen, blijft binnen het platform. Het gaat niet mee in een download van de gegevens.',
          `Waarom? De antwoorden helpen om ervaringswerk in jullie organisatie beter te maken. Je kunt meedoen tot en met ${settings.closesOn}. Je mag vragen overslaan die niet verplicht zijn, en je mag altijd stoppen.`,
        ]
      : [
          'You take part anonymously. You do not need an account and we do not ask your name.',
          `${scope} We do not keep your IP address or the time you answer, only the day.`,
          `Nobody sees your answers on their own. Results add answers together. When fewer than ${settings.disclosureThreshold} people give an answer, we do not show that number.`,
          settings.openTextExport
            ? 'What you write yourself in open questions can be read by the researchers. Do not write names in it.'
            : 'What you write yourself in open questions stays inside the platform. It is not part of a download of the data.',
          `Why? The answers help to improve experience work in your organisation. You can take part until ${settings.closesOn} (inclusive). You may skip questions that are not required, and you may stop at any time.`,
        ];
  const version = createHash('sha256').update(paragraphs.join('\n')).digest('hex').slice(0, 16);
  return { paragraphs, version };
}
