import type { Language } from '../../../core/language.ts';
import { logicChoices } from '../keep-signal.ts';
import type { AnswerValue, PromptView } from '../model.ts';
import type { PromptResultsView } from '../results-service.ts';
import { AnswerForm } from './answer-form.tsx';
import { type MeetingMessages, meetingMessages } from './messages.ts';
import { Page, WithdrawLink } from './pages.tsx';
import { Questions, Results } from './prompt-results.tsx';

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
