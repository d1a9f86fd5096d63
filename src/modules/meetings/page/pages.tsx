import type { ReactNode } from 'react';
import type { Language } from '../../../core/language.ts';
import { PublicPage } from '../../../http/public-page.tsx';
import { logicChoices } from '../keep-signal.ts';
import { type AnswerValue, limits, type PromptView, participantPositions } from '../model.ts';
import type { PromptResultsView } from '../results-service.ts';
import { SplitTable } from '../split-table.tsx';
import { type MeetingMessages, meetingMessages } from './messages.ts';

const other = (lang: Language): Language => (lang === 'nl' ? 'en' : 'nl');

export function Page(props: { lang: Language; title: string; href: string; live?: string; children: ReactNode }) {
  const t = meetingMessages(props.lang);
  return (
    <PublicPage
      lang={props.lang}
      title={props.title}
      stylesheet="/m-assets/meeting.css"
      {...(props.live ? { script: '/m-assets/meeting.js' } : {})}
      messages={t}
      languageHref={`${props.href}${props.href.includes('?') ? '&' : '?'}lang=${other(props.lang)}`}
    >
      <div id="live" data-live={props.live ?? ''} data-lang={props.lang}>
        {props.children}
      </div>
      <p className="sr-only" aria-live="polite" id="announce" />
    </PublicPage>
  );
}

export function CodePage({ lang, error }: { lang: Language; error?: string | undefined }) {
  const t = meetingMessages(lang);
  return (
    <Page lang={lang} title={t.joinTitle} href="/m">
      <h1>{t.joinTitle}</h1>
      <form method="post" action={`/m?lang=${lang}`}>
        <label htmlFor="code">{t.codeLabel}</label>
        <p className="hint" id="code-hint">
          {t.codeHint}
        </p>
        {error && (
          <p className="error" id="code-error" role="alert">
            {error}
          </p>
        )}
        <input
          id="code"
          name="code"
          className="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={9}
          required
          aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          {...(error ? { 'aria-invalid': true } : {})}
        />
        <button type="submit">{t.go}</button>
      </form>
    </Page>
  );
}

export function JoinPage({ lang, code, title }: { lang: Language; code: string; title: string }) {
  const t = meetingMessages(lang);
  return (
    <Page lang={lang} title={title} href={`/m/${code}`}>
      <h1>{title}</h1>
      <p>{t.anonymous}</p>
      <form method="post" action={`/m/${code}/join?lang=${lang}`}>
        <fieldset>
          <legend>{t.positionLegend}</legend>
          <p className="hint">{t.positionWhy}</p>
          <label className="choice">
            <input type="radio" name="position" value="" defaultChecked /> {t.positionNone}
          </label>
          {participantPositions.map((p) => (
            <label className="choice" key={p}>
              <input type="radio" name="position" value={p} /> {t.positions[p]}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t.join}</button>
      </form>
    </Page>
  );
}

export function ReceiptPage({ lang, code, receipt }: { lang: Language; code: string; receipt: string }) {
  const t = meetingMessages(lang);
  return (
    <Page lang={lang} title={t.receiptTitle} href={`/m/${code}`}>
      <h1>{t.receiptTitle}</h1>
      <p>{t.receiptText}</p>
      <p className="receipt">{receipt}</p>
      <p>
        <a className="button" href={`/m/${code}?lang=${lang}`}>
          {t.continue}
        </a>
      </p>
    </Page>
  );
}

export function MessagePage({ lang, code, title, text, withdraw }: { lang: Language; code: string; title: string; text: string; withdraw?: boolean }) {
  const t = meetingMessages(lang);
  return (
    <Page lang={lang} title={title} href={code ? `/m/${code}` : '/m'} live={code && !withdraw ? code : undefined}>
      <h1>{title}</h1>
      <p>{text}</p>
      {withdraw && <WithdrawLink code={code} t={t} lang={lang} />}
    </Page>
  );
}

function WithdrawLink({ code, t, lang }: { code: string; t: MeetingMessages; lang: Language }) {
  return (
    <p className="withdraw">
      <a href={`/m/${code}/withdraw?lang=${lang}`}>{t.withdrawLink}</a>
    </p>
  );
}

export function WithdrawPage({ lang, code, error, done }: { lang: Language; code: string; error?: string | undefined; done?: boolean }) {
  const t = meetingMessages(lang);
  return (
    <Page lang={lang} title={t.withdrawTitle} href={`/m/${code}/withdraw`}>
      <h1>{t.withdrawTitle}</h1>
      {done ? (
        <p role="status">{t.withdrawn}</p>
      ) : (
        <form method="post" action={`/m/${code}/withdraw?lang=${lang}`}>
          <p>{t.withdrawText}</p>
          <label htmlFor="receipt">{t.receiptLabel}</label>
          {error && (
            <p className="error" id="receipt-error" role="alert">
              {error}
            </p>
          )}
          <input
            id="receipt"
            name="receipt"
            className="code"
            autoComplete="off"
            maxLength={12}
            required
            {...(error ? { 'aria-invalid': true, 'aria-describedby': 'receipt-error' } : {})}
          />
          <button type="submit">{t.withdraw}</button>
        </form>
      )}
    </Page>
  );
}

export type PromptPageProps = {
  lang: Language;
  code: string;
  title: string;
  prompt: PromptView;
  index: number;
  count: number;
  participantPaced: boolean;
  current: AnswerValue | undefined;
  clientId: string;
  results: PromptResultsView | undefined;
  notice?: string | undefined;
  error?: string | undefined;
  /** The offer to keep an open answer as a story: a form when signed in on this phone, else how to do it. */
  keep?: { csrf: string } | 'sign_in' | undefined;
  /** Asked once when prompts are linked to a questionnaire: the text from the meeting's settings and its version. */
  roundConsent?: { paragraphs: string[]; version: string } | undefined;
};

export function PromptPage(props: PromptPageProps) {
  const { lang, code, prompt } = props;
  const t = meetingMessages(lang);
  const text = prompt.text[lang];
  const spoken = [text, ...prompt.options.map((o) => o.label[lang])].join('. ');
  const version = `${prompt.id}:${prompt.state}:${prompt.resultsVisible ? 1 : 0}`;
  return (
    <Page lang={lang} title={`${text} – ${props.title}`} href={`/m/${code}`} live={code}>
      <div data-version={version} data-results={prompt.resultsVisible ? '1' : '0'}>
        <p className="scope">
          {props.title} · {t.promptOf(props.index + 1, props.count)}
        </p>
        <h1 id="prompt">{text}</h1>
        <button type="button" className="speak" data-speak={spoken} hidden>
          {t.readAloud}
        </button>
        {props.notice && (
          <p className="notice" role="status">
            {props.notice}
          </p>
        )}
        {props.error && (
          <p className="error" role="alert" id="answer-error">
            {props.error}
          </p>
        )}
        {props.roundConsent && <RoundConsent code={code} lang={lang} t={t} index={props.index} consent={props.roundConsent} />}
        {prompt.state === 'open' ? <AnswerForm {...props} t={t} /> : <p>{t.notOpen}</p>}
        {prompt.kind === 'open_text' && props.current && 'text' in props.current && props.keep && (
          <>
            <KeepOffer code={code} lang={lang} t={t} promptId={prompt.id} index={props.index} keep={props.keep} />
            <SignalOffer code={code} lang={lang} t={t} promptId={prompt.id} index={props.index} keep={props.keep} />
          </>
        )}
        {prompt.kind === 'qa' && props.results && <Questions code={code} lang={lang} t={t} results={props.results} open={prompt.state === 'open'} />}
        {prompt.kind !== 'qa' && <Results prompt={prompt} results={props.results} t={t} lang={lang} />}
        {props.participantPaced && (
          <nav className="pager" aria-label={t.promptOf(props.index + 1, props.count)}>
            {props.index > 0 && <a href={`/m/${code}?p=${props.index - 1}&lang=${lang}`}>{t.previous}</a>}
            {props.index < props.count - 1 && <a href={`/m/${code}?p=${props.index + 1}&lang=${lang}`}>{t.next}</a>}
          </nav>
        )}
        <WithdrawLink code={code} t={t} lang={lang} />
      </div>
    </Page>
  );
}

function RoundConsent(props: { code: string; lang: Language; t: MeetingMessages; index: number; consent: { paragraphs: string[]; version: string } }) {
  const { t } = props;
  return (
    <section className="keep" aria-labelledby="consent-title">
      <h2 id="consent-title">{t.roundConsentTitle}</h2>
      {props.consent.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <form method="post" action={`/m/${props.code}/consent?lang=${props.lang}`}>
        <input type="hidden" name="version" value={props.consent.version} />
        <input type="hidden" name="p" value={String(props.index)} />
        <button type="submit" name="choice" value="given">
          {t.roundConsentYes}
        </button>{' '}
        <button type="submit" name="choice" value="declined">
          {t.roundConsentNo}
        </button>
      </form>
    </section>
  );
}

function SignalOffer(props: { code: string; lang: Language; t: MeetingMessages; promptId: string; index: number; keep: { csrf: string } | 'sign_in' }) {
  const { t, keep, lang } = props;
  return (
    <section className="keep" aria-labelledby="signal-title">
      <h2 id="signal-title">{t.signalTitle}</h2>
      <p>{t.signalText}</p>
      {keep === 'sign_in' ? (
        <p>{t.signalSignIn}</p>
      ) : (
        <form method="post" action={`/m/${props.code}/signal?lang=${lang}`}>
          <input type="hidden" name="promptId" value={props.promptId} />
          <input type="hidden" name="p" value={String(props.index)} />
          <input type="hidden" name="_csrf" value={keep.csrf} />
          <label htmlFor="signal-name">{t.signalTitleLabel}</label>
          <input id="signal-name" name="title" required maxLength={200} />
          <label htmlFor="signal-barrier">{t.signalBarrierLabel}</label>
          <input id="signal-barrier" name="barrierFor" required maxLength={1000} />
          <fieldset>
            <legend>{t.signalLogicLegend}</legend>
            {logicChoices().map((c) => (
              <label key={c.key} className="choice">
                <input type="radio" name="logic" value={c.key} required /> {c.label[lang]}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t.signalButton}</button>
        </form>
      )}
    </section>
  );
}

function KeepOffer(props: { code: string; lang: Language; t: MeetingMessages; promptId: string; index: number; keep: { csrf: string } | 'sign_in' }) {
  const { t, keep } = props;
  return (
    <section className="keep" aria-labelledby="keep-title">
      <h2 id="keep-title">{t.keepTitle}</h2>
      {keep === 'sign_in' ? (
        <p>{t.keepSignIn}</p>
      ) : (
        <form method="post" action={`/m/${props.code}/keep?lang=${props.lang}`}>
          <p>{t.keepText}</p>
          <input type="hidden" name="promptId" value={props.promptId} />
          <input type="hidden" name="p" value={String(props.index)} />
          <input type="hidden" name="_csrf" value={keep.csrf} />
          <button type="submit">{t.keepButton}</button>
        </form>
      )}
    </section>
  );
}

function AnswerForm(props: PromptPageProps & { t: MeetingMessages }) {
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

function Questions({ code, lang, t, results, open }: { code: string; lang: Language; t: MeetingMessages; results: PromptResultsView; open: boolean }) {
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

function Results({ prompt, results, t, lang }: { prompt: PromptView; results: PromptResultsView | undefined; t: MeetingMessages; lang: Language }) {
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
