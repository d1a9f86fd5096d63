import type { LocalisedText } from '../definition.ts';

/** The answer scales of "Cocreatie in beeld", in plain words; five points, from low to high. */

export const t = (nl: string, en: string): LocalisedText => ({ nl, en });

export const agree = [
  { value: 1, label: t('Helemaal niet akkoord', 'Strongly disagree') },
  { value: 2, label: t('Niet akkoord', 'Disagree') },
  { value: 3, label: t('Neutraal', 'Neutral') },
  { value: 4, label: t('Akkoord', 'Agree') },
  { value: 5, label: t('Helemaal akkoord', 'Strongly agree') },
];
export const importance = [
  { value: 1, label: t('Helemaal niet belangrijk', 'Not important at all') },
  { value: 2, label: t('Niet zo belangrijk', 'Not very important') },
  { value: 3, label: t('Een beetje belangrijk', 'Somewhat important') },
  { value: 4, label: t('Belangrijk', 'Important') },
  { value: 5, label: t('Heel belangrijk', 'Very important') },
];
export const attention = [
  { value: 1, label: t('Geen aandacht', 'No attention') },
  { value: 2, label: t('Weinig aandacht', 'Little attention') },
  { value: 3, label: t('Wat aandacht', 'Some attention') },
  { value: 4, label: t('Veel aandacht', 'A lot of attention') },
  { value: 5, label: t('Heel veel aandacht', 'A great deal of attention') },
];
export const dontKnow = { label: t('Weet ik niet', "I don't know") };
export const somethingElse = { label: t('Iets anders', 'Something else') };
