import type { Language } from '../../core/language.ts';
import { groupLabels } from './groups.ts';
import type { MeetingView } from './model.ts';
import type { PromptResultsView } from './results-service.ts';

/** The meeting's report in Markdown: every prompt, its split results, and what was held back. */

const words = {
  nl: { joined: 'deelnemers', answered: 'antwoorden', held: 'tegengehouden door de moderator', room: 'Hele zaal', hidden: 'verborgen', code: 'Code' },
  en: { joined: 'participants', answered: 'answers', held: 'held back by the moderator', room: 'Whole room', hidden: 'hidden', code: 'Code' },
};

const cell = (count: number | null | undefined, lang: Language) => (count === null || count === undefined ? `(${words[lang].hidden})` : String(count));
const md = (text: string) => text.replace(/([|\\*_`#[\]<>])/g, '\\$1').replace(/\n/g, ' ');

export function meetingReportMarkdown(meeting: MeetingView, results: PromptResultsView[], lang: Language): string {
  const w = words[lang];
  const lines: string[] = [`# ${md(meeting.title)}`, ''];
  lines.push(`${results[0]?.joined ?? 0} ${w.joined}.`, '');
  meeting.prompts.forEach((prompt, i) => {
    const view = results[i];
    if (!view) return;
    const r = view.results;
    lines.push(`## ${i + 1}. ${md(prompt.text[lang])}`, '');
    lines.push(`${view.answered} ${w.answered}${view.heldBack ? `, ${view.heldBack} ${w.held}` : ''}.`, '');
    for (const note of r.notes) lines.push(`> ${note[lang]}`, '');
    if (r.rows) {
      const label = (key: string) => prompt.options.find((o) => o.key === key)?.label[lang] ?? key;
      lines.push(`| | ${w.room} | ${r.shown.map((g) => groupLabels[g][lang]).join(' | ')} |`.replace('|  |', '|'));
      lines.push(`|---|---:|${r.shown.map(() => '---:|').join('')}`);
      for (const row of r.rows)
        lines.push(
          `| ${md(label(row.key))} | ${cell(row.room.count, lang)} | ${r.shown.map((g) => cell(row.groups[g]?.count, lang)).join(' | ')} |`.replace(
            / \| \|$/,
            ' |',
          ),
        );
      for (const e of r.explanation ?? []) lines.push('', `_${e[lang]}_`);
      lines.push('');
    }
    if (r.words) lines.push(r.words.room.map((x) => `${md(x.word)} (${x.count})`).join(', ') || '—', '');
    if (r.texts) for (const text of r.texts.room) lines.push(`- ${md(text)}`);
    if (r.ranking) {
      const label = (key: string) => prompt.options.find((o) => o.key === key)?.label[lang] ?? key;
      for (const row of [...r.ranking].sort((a, b) => b.room - a.room)) lines.push(`- ${md(label(row.key))}: ${row.room}`);
    }
    if (view.questions) for (const q of view.questions) lines.push(`- ${md(q.text)} (+${q.votes})`);
    lines.push('');
  });
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
