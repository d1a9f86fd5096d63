import type { useT } from '../../../i18n.ts';

type T = ReturnType<typeof useT>['t'];

const fieldNames = {
  title: 'inBeeld.editor.where.title',
  intro: 'inBeeld.editor.where.intro',
  text: 'inBeeld.editor.where.text',
  help: 'inBeeld.editor.where.help',
  label: 'inBeeld.editor.where.label',
  key: 'inBeeld.editor.where.key',
  min: 'inBeeld.editor.where.min',
  max: 'inBeeld.editor.where.max',
  maxLength: 'inBeeld.editor.where.maxLength',
  maxSelected: 'inBeeld.editor.where.maxSelected',
  showIf: 'inBeeld.editor.where.showIf',
  framework: 'inBeeld.editor.where.framework',
  other: 'inBeeld.editor.where.other',
  noOpinion: 'inBeeld.editor.where.noOpinion',
  unit: 'inBeeld.editor.where.unit',
  value: 'inBeeld.editor.where.value',
  options: 'inBeeld.editor.where.options',
  points: 'inBeeld.editor.where.points',
  items: 'inBeeld.editor.where.items',
  nl: 'inBeeld.editor.where.nl',
  en: 'inBeeld.editor.where.en',
} as const;

const counted = {
  sections: 'inBeeld.editor.where.section',
  questions: 'inBeeld.editor.where.question',
  options: 'inBeeld.editor.where.option',
  points: 'inBeeld.editor.where.point',
  items: 'inBeeld.editor.where.item',
} as const;

const isKnown = <K extends string>(map: Record<K, string>, name: string): name is K => Object.hasOwn(map, name);

/** "definition.sections.0.questions.2.text.nl" in words: "Deel 1 › vraag 3 › tekst (Nederlands)". */
export function describePath(path: string, t: T): string {
  const segments = path
    .replace(/^definition\.?/, '')
    .split('.')
    .filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const next = segments[i + 1];
    if (isKnown(counted, segment) && next !== undefined && /^\d+$/.test(next)) {
      words.push(t(counted[segment], { n: Number(next) + 1 }));
      i++;
    } else if (segment === 'nl' || segment === 'en') {
      const last = words.pop() ?? '';
      words.push(`${last} ${t(fieldNames[segment])}`.trim());
    } else if (isKnown(fieldNames, segment)) {
      words.push(t(fieldNames[segment]));
    } else if (!/^\d+$/.test(segment) && segment !== 'all' && segment !== 'any') {
      words.push(segment);
    }
  }
  return words.join(' › ');
}
