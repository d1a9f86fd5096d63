import type { Language } from '../../core/language.ts';
import { renderToStaticMarkup } from '../../http/render.ts';
import type { MeetingView } from './model.ts';
import type { PromptResultsView } from './results-service.ts';
import { SplitTable } from './split-table.tsx';

/** The meeting report as one self-contained HTML document, printed to a tagged PDF by Chromium. */

const words = {
  nl: { joined: 'deelnemers', answered: 'antwoorden', held: 'tegengehouden door de moderator', room: 'Hele zaal', hidden: 'verborgen', option: 'Antwoord' },
  en: { joined: 'participants', answered: 'answers', held: 'held back by the moderator', room: 'Whole room', hidden: 'hidden', option: 'Answer' },
};

const css = `body{font-family:system-ui,sans-serif;color:#1b1f23;line-height:1.45}h1{color:#0b5c58}h2{font-size:1.15rem;margin-top:1.5rem;break-after:avoid}
table{border-collapse:collapse;margin:.5rem 0}th,td{border-bottom:1px solid #bbb;padding:.2rem .6rem;text-align:left}td{text-align:right}.note{color:#3d4650;font-style:italic}`;

export function meetingReportHtml(meeting: MeetingView, results: PromptResultsView[], lang: Language): string {
  const w = words[lang];
  const doc = (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{meeting.title}</title>
        <style>{css}</style>
      </head>
      <body>
        <h1>{meeting.title}</h1>
        <p>
          {results[0]?.joined ?? 0} {w.joined}
        </p>
        {meeting.prompts.map((prompt, i) => {
          const view = results[i];
          if (!view) return null;
          const r = view.results;
          const label = (key: string) => prompt.options.find((o) => o.key === key)?.label[lang] ?? key;
          return (
            <section key={prompt.id}>
              <h2>
                {i + 1}. {prompt.text[lang]}
              </h2>
              <p>
                {view.answered} {w.answered}
                {view.heldBack > 0 ? `, ${view.heldBack} ${w.held}` : ''}
              </p>
              {r.notes.map((n) => (
                <p className="note" key={n.en}>
                  {n[lang]}
                </p>
              ))}
              <SplitTable results={r} lang={lang} corner={<th scope="col">{w.option}</th>} roomLabel={w.room} hidden={w.hidden} label={label} />
              {r.explanation?.map((e) => (
                <p className="note" key={e.en}>
                  {e[lang]}
                </p>
              ))}
              {r.words && <p>{r.words.room.map((x) => `${x.word} (${x.count})`).join(', ')}</p>}
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
              {view.questions && (
                <ul>
                  {view.questions.map((q) => (
                    <li key={q.id}>
                      {q.text} (+{q.votes})
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(doc)}`;
}
