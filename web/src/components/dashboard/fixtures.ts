/**
 * FIXTURE DATA for unit and visual checks of the dashboard components only — never shown in the
 * app as real figures. The roles table reproduces the seed's Tabel 4 ("Rollen die
 * ervaringsdeskundigen opnemen", n = 89); the other tables are made up to exercise every chart type,
 * suppression and the comparison.
 */
import type { Comparison, Report, ReportTable } from './types.ts';

export const rolesTable: ReportTable = {
  question: 'rollen',
  section: 'rollen',
  type: 'multiple',
  item: null,
  view: 'options',
  decimals: 1,
  tooFew: false,
  text: 'Welke rollen neem je op als ervaringswerker?',
  questionText: 'Welke rollen neem je op als ervaringswerker?',
  itemText: null,
  n: 89,
  validN: 89,
  missing: 0,
  items: [
    { code: 'kritische_stem', label: 'Kritische stem', count: 41, validN: 84, percent: 48.8, ci: [38.4, 59.3] },
    { code: 'brugfiguur', label: 'Brugfiguur', count: 39, validN: 89, percent: 43.8, ci: [34, 54.2] },
    { code: 'signaalfunctie', label: 'Signaalfunctie', count: 17, validN: 89, percent: 19.1, ci: [12.3, 28.5] },
    { code: 'ondersteuning', label: 'Ondersteuning', count: 55, validN: 89, percent: 61.8, ci: [51.4, 71.2] },
    { code: 'leefwereld', label: 'Leefwereld', count: 25, validN: 89, percent: 28.1, ci: [19.8, 38.2] },
    { code: 'toegankelijkheid', label: 'Toegankelijkheid', count: 20, validN: 89, percent: 22.5, ci: [15, 32.2] },
    { code: 'beleidsbeinvloeding', label: 'Beleidsbeïnvloeding', count: 33, validN: 89, percent: 37.1, ci: [27.8, 47.5] },
    { code: 'beeldvorming_beinvloeden', label: 'Beeldvorming beïnvloeden', count: 31, validN: 89, percent: 34.8, ci: [25.7, 45.2] },
    { code: 'geen_specifieke_rol', label: 'Geen specifieke rol', count: 2, validN: 84, percent: 2.4, ci: [0.7, 8.3] },
  ],
  scale: null,
  suppressed: false,
  notes: ['Meer antwoorden mogelijk: de percentages tellen niet op tot 100.'],
};

/** A single-choice question with two small cells withheld (primary and secondary suppression). */
export const statusTable: ReportTable = {
  question: 'statuut',
  section: 'over_jou',
  type: 'single',
  item: null,
  view: 'options',
  decimals: 1,
  tooFew: false,
  text: 'Wat is je statuut?',
  questionText: 'Wat is je statuut?',
  itemText: null,
  n: 89,
  validN: 88,
  missing: 1,
  items: [
    { code: 'vrijwilliger', label: 'Vrijwilliger', count: 49, validN: 88, percent: 55.7, ci: [45.3, 65.6] },
    { code: 'betaalde_werknemer', label: 'Betaalde werknemer', count: 25, validN: 88, percent: 28.4, ci: [20, 38.6] },
    { code: 'zelfstandige', label: 'Zelfstandige', count: null, validN: 88, percent: null, ci: null },
    { code: 'geen_statuut', label: 'Geen statuut', count: null, validN: 88, percent: null, ci: null },
    { code: 'combinatie', label: 'Een combinatie', count: 11, validN: 88, percent: 12.5, ci: [7.1, 21.1] },
  ],
  scale: null,
  suppressed: false,
  notes: [],
};

const agreement = [
  { code: '1', label: 'Helemaal oneens' },
  { code: '2', label: 'Oneens' },
  { code: '3', label: 'Neutraal' },
  { code: '4', label: 'Eens' },
  { code: '5', label: 'Helemaal eens' },
];

export const likertTable: ReportTable = {
  question: 'gelijkwaardig',
  section: 'samenwerking',
  type: 'likert',
  item: null,
  view: 'options',
  decimals: 1,
  tooFew: false,
  text: 'Ik word in mijn team als gelijkwaardige collega behandeld.',
  questionText: 'Ik word in mijn team als gelijkwaardige collega behandeld.',
  itemText: null,
  n: 89,
  validN: 86,
  missing: 3,
  items: [
    { ...agreement[0], count: 5, validN: 86, percent: 5.8, ci: null },
    { ...agreement[1], count: 9, validN: 86, percent: 10.5, ci: null },
    { ...agreement[2], count: 17, validN: 86, percent: 19.8, ci: null },
    { ...agreement[3], count: 34, validN: 86, percent: 39.5, ci: null },
    { ...agreement[4], count: 21, validN: 86, percent: 24.4, ci: null },
  ] as ReportTable['items'],
  scale: { mean: 3.7, median: 4, sd: 1.1, min: 1, max: 5, q1: null, q3: null, noOpinion: null },
  suppressed: false,
  notes: [],
};

export const matrixTable: ReportTable = {
  question: 'drie_logicas',
  section: 'samenwerking',
  type: 'matrix',
  item: null,
  view: 'options',
  decimals: 1,
  tooFew: false,
  text: 'In welke mate herken je deze logica’s in je organisatie?',
  questionText: 'In welke mate herken je deze logica’s in je organisatie?',
  itemText: null,
  n: 89,
  validN: 85,
  missing: 4,
  items: [
    {
      code: 'herstel',
      label: 'Herstellogica',
      count: 85,
      validN: 85,
      percent: null,
      ci: null,
      distribution: [
        { ...agreement[0], count: 3, percent: 3.5 },
        { ...agreement[1], count: 8, percent: 9.4 },
        { ...agreement[2], count: 20, percent: 23.5 },
        { ...agreement[3], count: 35, percent: 41.2 },
        { ...agreement[4], count: 19, percent: 22.4 },
      ] as NonNullable<ReportTable['items'][number]['distribution']>,
    },
    {
      code: 'zorg',
      label: 'Zorglogica',
      count: 84,
      validN: 84,
      percent: null,
      ci: null,
      distribution: [
        { ...agreement[0], count: null, percent: null },
        { ...agreement[1], count: 6, percent: 7.1 },
        { ...agreement[2], count: 15, percent: 17.9 },
        { ...agreement[3], count: 40, percent: 47.6 },
        { ...agreement[4], count: 21, percent: 25 },
      ] as NonNullable<ReportTable['items'][number]['distribution']>,
    },
  ],
  scale: null,
  suppressed: false,
  notes: [],
};

/** A whole table withheld because too few people answered it. */
export const suppressedTable: ReportTable = {
  question: 'opleiding_andere',
  section: 'opleiding',
  type: 'single',
  item: null,
  view: 'options',
  decimals: 1,
  tooFew: false,
  text: 'Welke andere opleiding volgde je?',
  questionText: 'Welke andere opleiding volgde je?',
  itemText: null,
  n: 89,
  validN: 3,
  missing: 86,
  items: [],
  scale: null,
  suppressed: true,
  notes: [],
};

export const textTable: ReportTable = {
  question: 'toelichting',
  section: 'slot',
  type: 'long_text',
  item: null,
  view: 'options',
  decimals: 1,
  tooFew: false,
  text: 'Wil je nog iets toelichten?',
  questionText: 'Wil je nog iets toelichten?',
  itemText: null,
  n: 89,
  validN: 27,
  missing: 62,
  items: [],
  scale: null,
  suppressed: false,
  notes: [],
};

export const fixtureReport: Report = {
  round: {
    id: '00000000-0000-4000-8000-000000000001',
    key: 'demo-ervaringswerkers',
    name: 'Cocreatie in beeld — ervaringswerkers (voorbeeld)',
    instrumentTitle: 'Cocreatie in beeld: ervaringswerkers',
    n: 89,
    closesOn: '2025-06-30',
  },
  disclosure: {
    threshold: 5,
    suppressed: true,
    unsuppressed: false,
    rule: {
      nl: 'Een aantal onder 5 tonen we niet, zodat niemand herkenbaar is.',
      en: 'We do not show a number below 5, so nobody can be recognised.',
    },
  },
  rounding: { decimals: 1, rule: { nl: 'Afgerond op 1 decimaal; een 5 wordt naar boven afgerond.', en: 'Rounded to 1 decimal; a 5 is rounded up.' } },
  filters: { applied: [], n: null, tooFew: false },
  tables: [rolesTable, statusTable, likertTable, matrixTable, suppressedTable, textTable],
};

const comparedItems: Comparison['items'] = [
  { question: 'rollen', code: 'kritische_stem', label: 'Kritische stem', aPercent: 48.8, bPercent: 30.4, gap: 18.4, effect: 0.19, suppressed: false },
  { question: 'rollen', code: 'brugfiguur', label: 'Brugfiguur', aPercent: 43.8, bPercent: 58.9, gap: -15.1, effect: 0.15, suppressed: false },
  { question: 'rollen', code: 'signaalfunctie', label: 'Signaalfunctie', aPercent: 19.1, bPercent: 21.4, gap: -2.3, effect: 0.03, suppressed: false },
  { question: 'rollen', code: 'ondersteuning', label: 'Ondersteuning', aPercent: 61.8, bPercent: 62.5, gap: -0.7, effect: 0.01, suppressed: false },
  { question: 'rollen', code: 'leefwereld', label: 'Leefwereld', aPercent: 28.1, bPercent: 50, gap: -21.9, effect: 0.22, suppressed: false },
  { question: 'statuut', code: 'vrijwilliger', label: 'Vrijwilliger', aPercent: 55.7, bPercent: null, gap: null, effect: null, suppressed: false },
];

export const fixtureComparison: Comparison = {
  a: { roundId: '00000000-0000-4000-8000-000000000001', key: 'demo-ervaringswerkers', label: 'Ervaringswerkers', n: 89 },
  b: { roundId: '00000000-0000-4000-8000-000000000002', key: 'demo-professionals', label: 'Professionals', n: 112 },
  definition: 'Het verschil in procentpunten: A min B.',
  disclosure: fixtureReport.disclosure,
  items: comparedItems,
  scales: [],
  largest: comparedItems.filter((item) => item.gap !== null).sort((x, y) => Math.abs(y.gap ?? 0) - Math.abs(x.gap ?? 0)),
  notCompared: [],
};
