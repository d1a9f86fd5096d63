import type { LocalisedText } from '../frameworks/model.ts';

/**
 * Intervision methods whose steps guide a session: one person brings in a situation, a facilitator
 * keeps time, and everyone takes part as equals. What is said stays with the participants.
 */

const t = (nl: string, en: string): LocalisedText => ({ nl, en });

export type IntervisionStep = { title: LocalisedText; guidance: LocalisedText };
export type IntervisionMethod = { key: 'incident' | 'vijf_stappen'; name: LocalisedText; steps: IntervisionStep[] };

export const intervisionMethods: readonly IntervisionMethod[] = [
  {
    key: 'incident',
    name: t('Incidentmethode', 'Incident method'),
    steps: [
      { title: t('Start', 'Start'), guidance: t('Kort terugblikken op de vorige keer.', 'Look back briefly at the previous session.') },
      {
        title: t('Situatie kiezen', 'Choose a situation'),
        guidance: t('Wie brengt wat in? Kies wat dringend is of wat velen raakt.', 'Who brings in what? Choose what is urgent or what concerns many.'),
      },
      { title: t('De feiten', 'The facts'), guidance: t('De inbrenger vertelt wat er gebeurde.', 'The presenter tells what happened.') },
      {
        title: t('Vragen om te begrijpen', 'Questions to understand'),
        guidance: t(
          'Alleen vragen naar feiten en achtergrond. Nog geen advies of oordeel.',
          'Only questions about facts and background. No advice or judgement yet.',
        ),
      },
      {
        title: t('Analyse', 'Analysis'),
        guidance: t('De anderen bespreken de situatie; de inbrenger luistert.', 'The others discuss the situation; the presenter listens.'),
      },
      {
        title: t('Adviezen', 'Advice'),
        guidance: t('Iedereen geeft een advies; de inbrenger luistert zonder te reageren.', 'Everyone gives advice; the presenter listens without reacting.'),
      },
      {
        title: t('Evaluatie', 'Evaluation'),
        guidance: t('Welk advies is bruikbaar? Welke afspraken maken we?', 'Which advice is useful? What do we agree to do next?'),
      },
    ],
  },
  {
    key: 'vijf_stappen',
    name: t('Vijfstappenmethode', 'Five-step method'),
    steps: [
      { title: t('De vraag', 'The question'), guidance: t('De inbrenger stelt de vraag voor.', 'The presenter introduces the question.') },
      { title: t('Verkennen', 'Exploring'), guidance: t('Samen het probleem verkennen met open vragen.', 'Explore the problem together with open questions.') },
      { title: t('De kern', 'The core'), guidance: t('Samen het kernprobleem in één zin zeggen.', 'Put the core problem into one sentence together.') },
      { title: t('Adviezen', 'Advice'), guidance: t('Iedereen geeft een advies.', 'Everyone gives advice.') },
      {
        title: t('Evaluatie', 'Evaluation'),
        guidance: t('Wat neemt de inbrenger mee? Hoe was de sessie?', 'What does the presenter take away? How was the session?'),
      },
    ],
  },
];

export const intervisionMethodKeys = ['incident', 'vijf_stappen'] as const;
export const methodOf = (key: string): IntervisionMethod | undefined => intervisionMethods.find((m) => m.key === key);
