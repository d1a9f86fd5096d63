import { useId, useRef, useState } from 'react';
import { useT } from '../../i18n.ts';
import { copyText } from '../../lib/copy-text.ts';
import { StatusMessage } from '../StatusMessage.tsx';
import { TextField } from '../TextField.tsx';
import { keyFromTitle } from './keys.ts';
import type { RoundLink } from './types.ts';

/**
 * The QR code comes from the server as SVG text (the qrcode library). It is shown as an image from a
 * data: URL, never put into the page as markup, so nothing in it can run or change the page.
 */
const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** One link of a round: to copy, as a QR code to show or download, and how many answered through it. */
export function RoundLinkCard({ link, roundName, organisationName }: { link: RoundLink; roundName: string; organisationName: string }) {
  const { t } = useT();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const scope = link.teamName
    ? t('inBeeld.round.teamScope', { team: link.teamName })
    : t('inBeeld.round.organisationScope', { organisation: organisationName });
  const qr = svgDataUrl(link.qrSvg);
  const fileName = `qr-${keyFromTitle(roundName, 'ronde')}-${keyFromTitle(link.teamName ?? 'organisatie', 'link')}.svg`;

  const onCopy = async () => {
    setCopy('idle');
    const ok = await copyText(link.url, input.current);
    if (!ok) {
      input.current?.focus();
      input.current?.select();
    }
    setCopy(ok ? 'copied' : 'failed');
  };

  return (
    <li className="link-card">
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>{scope}</h3>
        <div className="link-card-body">
          <div className="link-card-text">
            <TextField
              ref={input}
              label={
                <>
                  {t('inBeeld.round.linkLabel')}
                  <span className="visually-hidden"> ({scope})</span>
                </>
              }
              value={link.url}
              readOnly
              className="field-wide"
              onFocus={(event) => event.currentTarget.select()}
            />
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => void onCopy()} aria-label={`${t('inBeeld.round.copy')}: ${scope}`}>
                {t('inBeeld.round.copy')}
              </button>
              <a className="button button-secondary" href={qr} download={fileName} aria-label={`${t('inBeeld.round.downloadQr')}: ${scope}`}>
                {t('inBeeld.round.downloadQr')}
              </a>
            </div>
            <StatusMessage message={copy === 'copied' ? t('inBeeld.round.copied') : copy === 'failed' ? t('inBeeld.round.copyFailed') : null} />
            <p className="meta">
              {link.responses !== null
                ? t('inBeeld.round.linkResponses', { count: link.responses })
                : link.responsesFewerThan !== null
                  ? t('inBeeld.round.linkResponsesFewer', { k: link.responsesFewerThan })
                  : t('inBeeld.round.linkResponsesHidden')}
            </p>
          </div>
          <img className="qr-code" src={qr} alt={t('inBeeld.round.qrAlt', { scope })} width={200} height={200} />
        </div>
      </section>
    </li>
  );
}
