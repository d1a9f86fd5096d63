import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n.ts';

type Text = { nl: string; en: string };
type Framework = { key: string; version: number; codes: { key: string; label: Text; definition: Text }[] };

/**
 * The seed's media slide has opportunities beside its risks: they come from the framework
 * media_opportunities (GET /api/frameworks), shown next to the media questions before going public.
 */
export function MediaOpportunities() {
  const { t, i18n } = useT();
  const lang: keyof Text = i18n.resolvedLanguage === 'en' ? 'en' : 'nl';
  const [codes, setCodes] = useState<Framework['codes']>([]);
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ frameworks: Framework[] }>('/api/frameworks', { signal: controller.signal, redirectOnUnauthenticated: false })
      .then(({ frameworks }) => {
        const latest = frameworks.filter((f) => f.key === 'media_opportunities').sort((a, b) => b.version - a.version)[0];
        setCodes(latest?.codes ?? []);
      })
      .catch(() => setCodes([]));
    return () => controller.abort();
  }, []);
  if (codes.length === 0) return null;
  return (
    <div className="media-opportunities">
      <p>
        <strong>{t('verhalen.checklist.opportunities')}</strong>
      </p>
      <ul>
        {codes.map((c) => (
          <li key={c.key}>
            <strong>{c.label[lang]}</strong>: {c.definition[lang]}
          </li>
        ))}
      </ul>
      <p>
        <strong>{t('verhalen.checklist.risks')}</strong>
      </p>
    </div>
  );
}
