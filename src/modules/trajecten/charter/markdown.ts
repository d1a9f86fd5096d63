import type { Language } from '../../../core/language.ts';
import { mdEscape } from '../../../core/markdown.ts';
import type { CharterSection } from '../model.ts';
import { openHeading } from './generate.ts';

export type CharterDocument = {
  title: string;
  team: string;
  version: number;
  language: Language;
  sections: CharterSection[];
  signatures: { displayName: string; signedAt: string }[];
  missing: { displayName: string }[];
  established: boolean;
};

const words = {
  nl: {
    heading: 'Samenwerkingskader',
    version: (v: number) => `Versie ${v}`,
    established: 'Vastgesteld: iedereen in het team heeft ondertekend.',
    notEstablished: 'Nog niet vastgesteld: nog niet iedereen heeft ondertekend.',
    signatures: 'Ondertekend',
    signedOn: 'ondertekend op',
    missing: 'Nog niet ondertekend',
  },
  en: {
    heading: 'Collaboration charter',
    version: (v: number) => `Version ${v}`,
    established: 'Established: everyone in the team has signed.',
    notEstablished: 'Not established yet: not everyone has signed.',
    signatures: 'Signed',
    signedOn: 'signed on',
    missing: 'Not signed yet',
  },
};

export const charterWords = words;

function bodyLines(body: string): string[] {
  return body.split('\n').map((line) => {
    const indent = line.match(/^ */)?.[0].length ?? 0;
    const rest = line.slice(indent);
    if (rest.startsWith('- ')) return `${' '.repeat(indent)}- ${mdEscape(rest.slice(2))}`;
    return indent > 0 ? `${' '.repeat(indent)}${mdEscape(rest)}` : `${mdEscape(rest)}\n`;
  });
}

export function charterMarkdown(doc: CharterDocument): string {
  const w = words[doc.language];
  const lines = [
    `# ${w.heading}: ${mdEscape(doc.title)}`,
    '',
    `${mdEscape(doc.team)} · ${w.version(doc.version)}`,
    '',
    doc.established ? w.established : w.notEstablished,
    '',
  ];
  for (const section of doc.sections) {
    lines.push(`## ${mdEscape(section.title)}`, '', ...bodyLines(section.body), '');
    if (section.open.length) lines.push(`**${openHeading(doc.language)}:**`, '', ...section.open.map((o) => `- ${mdEscape(o)}`), '');
  }
  lines.push(`## ${w.signatures}`, '', ...doc.signatures.map((s) => `- ${mdEscape(s.displayName)}, ${w.signedOn} ${s.signedAt.slice(0, 10)}`), '');
  if (doc.missing.length) lines.push(`**${w.missing}:** ${doc.missing.map((m) => mdEscape(m.displayName)).join(', ')}`, '');
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
