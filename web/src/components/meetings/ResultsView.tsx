import { useT } from '../../i18n.ts';
import type { Language } from '../../types.ts';
import type { PromptResultsView, PromptView } from './types.ts';

const groupKeys = { experience_workers: 'meetings.groups.experience_workers', professionals: 'meetings.groups.professionals' } as const;

/** A prompt's results: counts per option for the whole room and each group shown apart, words, open answers, ranking or questions. */
export function ResultsView({ prompt, view, lang, big = false }: { prompt: PromptView; view: PromptResultsView; lang: Language; big?: boolean }) {
  const { t } = useT();
  const r = view.results;
  const label = (key: string) => prompt.options.find((o) => o.key === key)?.label[lang] ?? key;
  const count = (n: number | null | undefined) => (n === null || n === undefined ? t('meetings.hidden') : String(n));
  const max = Math.max(1, ...(r.words?.room.map((w) => w.count) ?? [1]));
  return (
    <div className={big ? 'meeting-results big' : 'meeting-results'}>
      {view.heldBack > 0 && <p>{t('meetings.heldBack', { count: view.heldBack })}</p>}
      {r.notes.map((note) => (
        <p className="meeting-note" key={note.en}>
          {note[lang]}
        </p>
      ))}
      {r.rows && (
        <table className="meeting-table">
          <caption className="visually-hidden">{prompt.text[lang]}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('meetings.room')}</th>
              {r.shown.map((g) => (
                <th scope="col" key={g}>
                  {t(groupKeys[g])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{label(row.key)}</th>
                <td>
                  <span
                    className="bar"
                    style={{ inlineSize: `${Math.round(((row.room.count ?? 0) / Math.max(1, r.totals?.room.count ?? view.answered)) * 100)}%` }}
                  />
                  {count(row.room.count)}
                </td>
                {r.shown.map((g) => (
                  <td key={g}>{count(row.groups[g]?.count)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.explanation?.map((e) => (
        <p className="meeting-note" key={e.en}>
          {e[lang]}
        </p>
      ))}
      {r.words && (
        <ul className="meeting-words" aria-label={t('meetings.words')}>
          {r.words.room.map((w) => (
            <li key={w.word} style={{ fontSize: `${1 + (w.count / max) * (big ? 2.5 : 1)}em` }}>
              {w.word} <span className="visually-hidden">({w.count})</span>
            </li>
          ))}
        </ul>
      )}
      {r.texts && (
        <ul className="meeting-texts">
          {r.texts.room.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {r.ranking && (
        <ol>
          {[...r.ranking]
            .sort((a, b) => b.room - a.room)
            .map((row) => (
              <li key={row.key}>
                {label(row.key)} <span className="meeting-points">({t('meetings.points', { count: row.room })})</span>
              </li>
            ))}
        </ol>
      )}
      {view.questions && (
        <ul className="meeting-texts">
          {view.questions.map((q) => (
            <li key={q.id}>
              {q.pinned && <strong>{t('meetings.pinned')} </strong>}
              {q.text} <span className="meeting-points">(+{q.votes})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
