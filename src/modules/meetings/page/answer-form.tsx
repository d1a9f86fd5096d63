import type { ReactNode } from 'react';
import { limits } from '../model.ts';
import type { MeetingMessages } from './messages.ts';
import type { PromptPageProps } from './prompt-page.tsx';

export function AnswerForm(props: PromptPageProps & { t: MeetingMessages }) {
  const { prompt, t, lang, current } = props;
  const describedBy = props.error ? 'answer-error' : undefined;
  const hidden = (
    <>
      <input type="hidden" name="promptId" value={prompt.id} />
      <input type="hidden" name="clientId" value={props.clientId} />
      {props.participantPaced && <input type="hidden" name="p" value={props.index} />}
    </>
  );
  if (prompt.kind === 'qa')
    return (
      <form method="post" action={`/m/${props.code}/ask?lang=${lang}`} className="answer">
        {hidden}
        <label htmlFor="question">{t.askLabel}</label>
        <p className="hint" id="question-hint">
          {t.askHint}
        </p>
        <textarea id="question" name="question" rows={3} maxLength={limits.question} required aria-describedby="question-hint" />
        <button type="submit">{t.ask}</button>
      </form>
    );
  const chosen = new Set(current && 'choices' in current ? current.choices : current && 'choice' in current ? [current.choice] : []);
  const order = current && 'order' in current ? current.order : [];
  let body: ReactNode;
  switch (prompt.kind) {
    case 'single':
    case 'scale':
    case 'agree':
    case 'multiple': {
      const multiple = prompt.kind === 'multiple';
      const max = prompt.settings.maxChoices as number | undefined;
      body = (
        <fieldset aria-describedby={describedBy}>
          <legend className="sr-only">{prompt.text[lang]}</legend>
          <p className="hint">{multiple ? (max ? t.chooseMax(max) : t.chooseAny) : t.chooseOne}</p>
          {prompt.options.map((o) => (
            <label className="choice" key={o.key}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={multiple ? 'choices' : 'choice'}
                value={o.key}
                defaultChecked={chosen.has(o.key)}
                required={!multiple}
              />{' '}
              {o.label[lang]}
            </label>
          ))}
        </fieldset>
      );
      break;
    }
    case 'word_cloud': {
      const words = current && 'words' in current ? current.words : [];
      body = (
        <fieldset aria-describedby={describedBy}>
          <legend>{t.words(limits.words)}</legend>
          {['w1', 'w2', 'w3'].slice(0, limits.words).map((slot, i) => (
            <p key={slot}>
              <label htmlFor={`word-${i}`}>{t.word(i + 1)}</label>
              <input id={`word-${i}`} name="word" maxLength={limits.word} defaultValue={words[i] ?? ''} required={i === 0} autoComplete="off" />
            </p>
          ))}
        </fieldset>
      );
      break;
    }
    case 'open_text':
      body = (
        <>
          <label htmlFor="text">{t.yourAnswer}</label>
          <p className="hint" id="text-hint">
            {t.textHint(limits.openText)}
          </p>
          <textarea
            id="text"
            name="text"
            rows={4}
            maxLength={limits.openText}
            required
            defaultValue={current && 'text' in current ? current.text : ''}
            aria-describedby={describedBy ? `text-hint ${describedBy}` : 'text-hint'}
          />
        </>
      );
      break;
    case 'ranking':
      body = (
        <fieldset aria-describedby={describedBy}>
          <legend>{t.rankHint}</legend>
          {prompt.options.map((o) => (
            <p key={o.key} className="rank">
              <select
                id={`rank-${o.key}`}
                name={`rank_${o.key}`}
                aria-label={t.place(o.label[lang])}
                defaultValue={String(order.indexOf(o.key) + 1 || '')}
                required
              >
                <option value="">–</option>
                {prompt.options.map((place, i) => (
                  <option key={place.key} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>{' '}
              <label htmlFor={`rank-${o.key}`}>{o.label[lang]}</label>
            </p>
          ))}
        </fieldset>
      );
      break;
  }
  return (
    <form method="post" action={`/m/${props.code}/answer?lang=${lang}`} className="answer">
      {hidden}
      {body}
      <button type="submit">{current ? t.change : t.send}</button>
    </form>
  );
}
