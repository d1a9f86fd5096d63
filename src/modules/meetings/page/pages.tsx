import type { ReactNode } from 'react';
import type { Language } from '../../../core/language.ts';
import { PublicPage } from '../../../http/public-page.tsx';
import { participantPositions } from '../model.ts';
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

export function WithdrawLink({ code, t, lang }: { code: string; t: MeetingMessages; lang: Language }) {
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
