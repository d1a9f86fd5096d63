import { useEffect, useRef } from 'react';
import { useT } from '../../i18n.ts';
import type { Finding } from './types.ts';

/** Cuts the text into plain and flagged pieces (the same as the server's highlightSegments). */
function segments(text: string, findings: readonly Finding[]) {
  const parts: { text: string; kind: string | null; start: number }[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start > at) parts.push({ text: text.slice(at, f.start), kind: null, start: at });
    parts.push({ text: text.slice(f.start, f.end), kind: f.kind, start: f.start });
    at = f.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), kind: null, start: at });
  return parts;
}

type Props = { text: string; findings: Finding[]; onEdit: () => void; onShareAnyway: () => void; busy?: boolean };

/**
 * Shows the author what in their text could make someone recognisable, highlighted, before it is
 * shared wider than the team. It only advises: the author can change the text or share it anyway.
 */
export function AnonymityReview({ text, findings, onEdit, onShareAnyway, busy = false }: Props) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="anonymity-review" aria-labelledby="anonymity-heading">
      <h2 id="anonymity-heading" ref={heading} tabIndex={-1}>
        {t('verhalen.anonymity.title')}
      </h2>
      <p>{t('verhalen.anonymity.intro', { count: findings.length })}</p>
      <div className="anonymity-text">
        {segments(text, findings).map((part) =>
          part.kind ? (
            <mark key={part.start} title={t(`verhalen.anonymity.kinds.${part.kind as 'name'}`)}>
              {part.text}
              <span className="visually-hidden"> ({t(`verhalen.anonymity.kinds.${part.kind as 'name'}`)})</span>
            </mark>
          ) : (
            <span key={part.start}>{part.text}</span>
          ),
        )}
      </div>
      <ul className="anonymity-list">
        {findings.map((f) => (
          <li key={f.start}>
            <strong>{f.text}</strong>: {t(`verhalen.anonymity.kinds.${f.kind as 'name'}`)}
          </li>
        ))}
      </ul>
      <p>{t('verhalen.anonymity.choice')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onEdit}>
          {t('verhalen.anonymity.edit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onShareAnyway} disabled={busy}>
          {t('verhalen.anonymity.shareAnyway')}
        </button>
      </div>
    </section>
  );
}
