import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { LocalisedText } from '../frameworks/model.ts';

/**
 * "Een evenwaardige positie, maar…": the seed asks what an equal position for experience experts
 * means (being paid? doing the same work? having been trained?) and lists the questions behind each.
 * The team talks about every question: each member gives a view, the team writes its position.
 */

const t = (nl: string, en: string): LocalisedText => ({ nl, en });

export const equalPositionClusters = [
  { key: 'betaald', title: t('Betaald worden?', 'Being paid?') },
  { key: 'zelfde_werk', title: t('Hetzelfde werk doen?', 'Doing the same work?') },
  { key: 'opleiding', title: t('Een opleiding gevolgd hebben?', 'Having been trained?') },
] as const;
export type EqualPositionCluster = (typeof equalPositionClusters)[number]['key'];

export type EqualPositionQuestion = { key: string; cluster: EqualPositionCluster; text: LocalisedText };

export const equalPositionQuestions: readonly EqualPositionQuestion[] = [
  { key: 'verloning_functie_diploma', cluster: 'betaald', text: t('Verlonen we op basis van functie of van diploma?', 'Do we pay by function or by diploma?') },
  { key: 'levenservaring_ancienniteit', cluster: 'betaald', text: t('Telt levenservaring als anciënniteit?', 'Does life experience count as seniority?') },
  {
    key: 'betaling_erkenning',
    cluster: 'betaald',
    text: t('Is betaald worden de ultieme vorm van erkenning?', 'Is being paid the ultimate form of recognition?'),
  },
  {
    key: 'arbeidsintegratie',
    cluster: 'betaald',
    text: t('Is ervaringsdeskundigheid een nieuwe vorm van arbeidsintegratie?', 'Is experiential expertise a new form of labour integration?'),
  },
  {
    key: 'goedkope_arbeid',
    cluster: 'zelfde_werk',
    text: t('Vrijwillig of betaald: worden ervaringswerkers goedkope arbeidskrachten?', 'Voluntary or paid: do experience workers become cheap labour?'),
  },
  {
    key: 'leefsituaties',
    cluster: 'zelfde_werk',
    text: t('Wat doen we met de concrete leefsituaties van mensen?', "What do we do with people's concrete living situations?"),
  },
  {
    key: 'statuut_mandaat',
    cluster: 'zelfde_werk',
    text: t('Welk statuut en mandaat, formeel en informeel?', 'Which status and mandate, formal and informal?'),
  },
  {
    key: 'nieuwe_discipline',
    cluster: 'zelfde_werk',
    text: t(
      'Is ervaringsdeskundigheid een nieuwe discipline? Wat met de eigenheid van disciplines en wat betekent multidisciplinair?',
      'Is experiential expertise a new discipline? What about the nature of each discipline, and what does multidisciplinary mean?',
    ),
  },
  {
    key: 'hierarchie_ervaringen',
    cluster: 'opleiding',
    text: t(
      'Is er een hiërarchie van ervaringen, tussen ervaringswerkers en -deskundigen, tussen vrijwillig en betaald werk?',
      'Is there a hierarchy of experiences, between experience workers and experts, between voluntary and paid work?',
    ),
  },
  {
    key: 'deskundigheid_zonder_opleiding',
    cluster: 'opleiding',
    text: t('Kan deskundigheid ontstaan zonder opleiding?', 'Can expertise grow without training?'),
  },
  {
    key: 'toegang_opleidingen',
    cluster: 'opleiding',
    text: t(
      'Hoe toegankelijk zijn opleidingen, met hun verschil in duur, en welke keuzes zijn er?',
      'How accessible is training, with its differences in length, and what choices are there?',
    ),
  },
  {
    key: 'elite_rest',
    cluster: 'opleiding',
    text: t(
      'Ontstaat er een elitegroep tegenover de rest? Welke perspectieven verdwijnen dan?',
      'Does an elite group form against the rest? Which perspectives disappear then?',
    ),
  },
];

/**
 * The dialogue also holds the seed's central discussions ("Wat zijn nu centrale discussies?"), one
 * question per code of the central_discussions framework (data, not copied text): each member gives
 * a view, the team writes its position, as for the equal-position questions.
 */
const centralCluster = { key: 'centrale_discussies', title: t('Wat zijn nu centrale discussies?', 'What are the central discussions now?') } as const;
export type DialogueCluster = EqualPositionCluster | typeof centralCluster.key;
export type DialogueQuestion = { key: string; cluster: DialogueCluster; text: LocalisedText };

function centralDiscussionQuestions(): DialogueQuestion[] {
  const framework = getBuiltinFramework('central_discussions');
  if (!framework) throw new Error('built-in framework central_discussions is missing');
  return framework.codes.map((c) => ({ key: `centraal_${c.key}`, cluster: centralCluster.key, text: c.definition }));
}

export const dialogueClusters: readonly { key: DialogueCluster; title: LocalisedText }[] = [...equalPositionClusters, centralCluster];
export const dialogueQuestions: readonly DialogueQuestion[] = [...equalPositionQuestions, ...centralDiscussionQuestions()];

export const equalPositionKeys = dialogueQuestions.map((q) => q.key) as [string, ...string[]];
