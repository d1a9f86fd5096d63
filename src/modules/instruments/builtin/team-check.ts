import type { InstrumentDefinition } from '../definition.ts';
import { agree, dontKnow, t } from './scales.ts';

/**
 * The short team check of a co-creative trajectory, filled in by every team member at the start and
 * at the end. Its statements follow the seed's closing definition of experience work (a partnership,
 * shared responsibility, steered by experience, cross-pollination of knowledge, a clear purpose) and
 * its "Concreet" slides. Anonymous like every round; the trajectory puts start and end side by side.
 */
export const TEAM_CHECK_KEY = 'teamcheck';

const statements: [key: string, nl: string, en: string][] = [
  [
    'samenwerkingsverband',
    'We werken als één team samen, ervaringswerkers en professionals.',
    'We work together as one team, experience workers and professionals.',
  ],
  [
    'gedeelde_verantwoordelijkheid',
    'Werken met ervaringskennis is in ons team een gedeelde verantwoordelijkheid.',
    'In our team, working with experiential knowledge is a shared responsibility.',
  ],
  [
    'mee_gestuurd',
    'Ervaringen van cliënten en ervaringskennis sturen mee wat we doen.',
    'Clients’ experiences and experiential knowledge help steer what we do.',
  ],
  [
    'kruisbestuiving',
    'Ervaringskennis en professionele kennis versterken elkaar bij ons.',
    'Here, experiential and professional knowledge strengthen each other.',
  ],
  [
    'duidelijk_doel',
    'We weten waarom we met ervaringskennis werken: ons doel is duidelijk.',
    'We know why we work with experiential knowledge: our purpose is clear.',
  ],
  ['statuut_mandaat', 'Het is duidelijk wat ervaringswerkers mogen beslissen en ondertekenen.', 'It is clear what experience workers may decide and sign.'],
  [
    'omkadering',
    'Iedereen in het team krijgt de steun die nodig is (coaching, intervisie).',
    'Everyone in the team gets the support they need (coaching, intervision).',
  ],
  ['kritische_functie', 'Iedereen in het team durft kritische vragen te stellen.', 'Everyone in the team dares to ask critical questions.'],
  [
    'ervaringen_delen',
    'Er is tijd en plaats om ervaringen te delen en samen betekenis te geven.',
    'There is time and space to share experiences and give them meaning together.',
  ],
];

export const teamCheck: InstrumentDefinition = {
  key: TEAM_CHECK_KEY,
  title: t('Teamcheck co-creatief traject', 'Team check co-creative trajectory'),
  intro: t(
    'Een korte check voor je team: negen uitspraken. Je antwoorden zijn anoniem. Het team ziet alleen de totalen, en alleen als genoeg mensen antwoordden.',
    'A short check for your team: nine statements. Your answers are anonymous. The team only sees the totals, and only when enough people answered.',
  ),
  sections: [
    {
      key: 'teamcheck',
      title: t('Hoe gaat het in je team?', 'How are things in your team?'),
      questions: [
        {
          key: 'teamcheck',
          type: 'matrix',
          text: t('Hoe akkoord ben je met deze uitspraken over je team?', 'How much do you agree with these statements about your team?'),
          required: true,
          items: statements.map(([key, nl, en]) => ({ key, text: t(nl, en) })),
          points: agree,
          noOpinion: dontKnow,
        },
        {
          key: 'opmerking',
          type: 'long_text',
          text: t('Wil je nog iets zeggen over de samenwerking?', 'Is there anything else you want to say about working together?'),
          required: false,
          maxLength: 2000,
        },
      ],
    },
  ],
};
