import type { Language } from '../../../core/language.ts';
import type { PromptView } from '../model.ts';
import type { PromptResultsView } from '../results-service.ts';
import { SplitTable } from '../split-table.tsx';
import type { MeetingMessages } from './messages.ts';

export function Questions({ code, lang, t, results, open }: { code: string; lang: Language; t: MeetingMessages; results: PromptResultsView; open: boolean }) {
  const questions = results.questions ?? [];
  return (
    <section aria-labelledby="questions">
      <h2 id="questions">{t.questions}</h2>
      {results.heldBack > 0 && <p className="hint">{t.heldBack(results.heldBack)}</p>}
      {questions.length === 0 ? (
        <p>{t.noQuestions}</p>
      ) : (
        <ul className="questions">
          {questions.map((q) => (
            <li key={q.id}>
              <span>{q.text}</span> <span className="votes">{t.votes(q.votes)}</span>
              {open && (
                <form method="post" action={`/m/${code}/upvote?lang=${lang}`}>
                  <input type="hidden" name="questionId" value={q.id} />
                  <button type="submit" className="small" aria-label={t.upvote(q.text)}>
                    +1
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Results({ prompt, results, t, lang }: { prompt: PromptView; results: PromptResultsView | undefined; t: MeetingMessages; lang: Language }) {
  if (!prompt.resultsVisible || !results) return <p className="hint">{t.resultsHidden}</p>;
  const r = results.results;
  const label = (key: string) => prompt.options.find((o) => o.key === key)?.label[lang] ?? key;
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t.results}</h2>
      <p>{t.answered(results.answered)}</p>
      {results.heldBack > 0 && <p>{t.heldBack(results.heldBack)}</p>}
      {r.notes.map((n) => (
        <p className="note" key={n.en}>
          {n[lang]}
        </p>
      ))}
      <SplitTable results={r} lang={lang} corner={<td />} roomLabel={t.room} hidden={t.hidden} label={label} />
      {r.words && (
        <ul className="words">
          {r.words.room.map((w) => (
            <li key={w.word}>
              {w.word} ({w.count})
            </li>
          ))}
        </ul>
      )}
      {r.texts && (
        <ul>
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
              <li key={row.key}>{label(row.key)}</li>
            ))}
        </ol>
      )}
    </section>
  );
}
