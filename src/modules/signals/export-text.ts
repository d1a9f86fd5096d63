import type { Language } from '../../core/language.ts';
import { mdEscape } from '../../core/markdown.ts';
import type { SignalLevel, SignalView } from './model.ts';
import { statusLabels } from './workflow.ts';

type Localised = { nl: string; en: string };

export const levelLabels: Record<SignalLevel, Localised> = {
  team: { nl: 'team', en: 'team' },
  organisation: { nl: 'organisatie', en: 'organisation' },
  local: { nl: 'lokaal beleid', en: 'local policy' },
  regional: { nl: 'regionaal of Vlaams beleid', en: 'regional policy' },
  national: { nl: 'nationaal of federaal beleid', en: 'national policy' },
};

export const stanceLabels: Record<SignalView['memberChecks'][number]['stance'], Localised> = {
  confirm: { nl: 'bevestigt', en: 'confirms' },
  nuance: { nl: 'nuanceert', en: 'nuances' },
  contest: { nl: 'betwist', en: 'contests' },
};

const words = {
  nl: {
    signal: 'Signaal',
    status: 'Stand',
    level: 'Moet landen bij',
    logic: 'Logica',
    theme: 'Thema',
    team: 'Team',
    organisation: 'hele organisatie',
    raised: 'Gemeld door',
    seen: 'Wat werd gezien',
    barrier: 'Voor wie is dit een drempel',
    stories: 'Gekoppelde verhalen',
    checks: 'Toetsing bij de betrokkenen',
    noChecks: 'Niemand heeft (nog) gereageerd.',
    steps: 'Stappen',
    feedback: 'Terugkoppeling',
    someone: 'iemand',
    none: '—',
  },
  en: {
    signal: 'Signal',
    status: 'Status',
    level: 'Should land at',
    logic: 'Logic',
    theme: 'Theme',
    team: 'Team',
    organisation: 'whole organisation',
    raised: 'Raised by',
    seen: 'What was seen',
    barrier: 'For whom it is a barrier',
    stories: 'Linked stories',
    checks: 'Member checking',
    noChecks: 'Nobody has responded (yet).',
    steps: 'Steps',
    feedback: 'Feedback',
    someone: 'someone',
    none: '—',
  },
} as const;

/**
 * A signal as a Markdown text to hand to policy makers: what was seen, for whom, where it should
 * land, what the people concerned said in member checking, and every step with who and when.
 */
export function signalAsMarkdown(signal: SignalView, labels: { logic: Localised; theme: Localised | null }, lang: Language): string {
  const w = words[lang];
  const day = (iso: string) => iso.slice(0, 10);
  const who = (p: { displayName: string } | null) => (p ? mdEscape(p.displayName) : w.someone);
  const lines = [
    `# ${w.signal}: ${mdEscape(signal.title)}`,
    '',
    `- ${w.status}: ${statusLabels[signal.status][lang]}`,
    `- ${w.level}: ${levelLabels[signal.level][lang]}`,
    `- ${w.logic}: ${labels.logic[lang]}`,
    `- ${w.theme}: ${labels.theme?.[lang] ?? w.none}`,
    `- ${w.team}: ${signal.team ? mdEscape(signal.team.name) : w.organisation}`,
    `- ${w.raised}: ${who(signal.raisedBy)} (${day(signal.createdAt)})`,
    '',
    `## ${w.seen}`,
    '',
    mdEscape(signal.observation),
    '',
    `## ${w.barrier}`,
    '',
    mdEscape(signal.barrierFor),
    '',
  ];
  if (signal.stories.length > 0) lines.push(`## ${w.stories}`, '', ...signal.stories.map((s) => `- ${mdEscape(s.title)}`), '');
  lines.push(`## ${w.checks}`, '');
  if (signal.memberChecks.length === 0) lines.push(w.noChecks, '');
  for (const check of signal.memberChecks)
    lines.push(`- ${who(check.by)} ${stanceLabels[check.stance][lang]} (${day(check.at)})${check.comment ? `: ${mdEscape(check.comment)}` : ''}`);
  if (signal.memberChecks.length > 0) lines.push('');
  lines.push(`## ${w.steps}`, '');
  for (const step of signal.steps)
    lines.push(`- ${day(step.at)}: ${statusLabels[step.to][lang]} (${who(step.by)})${step.note ? ` — ${mdEscape(step.note)}` : ''}`);
  lines.push('');
  if (signal.feedback) lines.push(`## ${w.feedback}`, '', mdEscape(signal.feedback.note), '');
  return lines.join('\n');
}
