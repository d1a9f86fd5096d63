import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, apiPath } from '../../api.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SelectField } from '../SelectField.tsx';
import './exports.css';

const FORMATS = ['sav', 'xlsx', 'csv', 'json', 'r'] as const;
type Format = (typeof FORMATS)[number];
type Kind = 'responses' | 'tables';

type Progress = { bytes: number; totalRows: number | null; kind: Kind };

function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

async function errorOf(response: Response, fallback: string): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as { error?: { id?: string; message?: string; requestId?: string } } | undefined;
  return new ApiError({
    id: body?.error?.id ?? 'internal',
    message: body?.error?.message ?? fallback,
    status: response.status,
    requestId: body?.error?.requestId,
  });
}

/**
 * "Exporteren": the round's data for SPSS, Excel, CSV, JSON or R, or the report's tables alone.
 * The file is read as it streams in, with what is happening said plainly (bytes received, how many
 * rows); then the browser saves it. Members and coordinators get the tables only.
 */
/** `raw`: the person may take response-level data out (the server's flag `exportResponses`). */
export function ExportPanel({ orgId, roundId, raw }: { orgId: string; roundId: string; raw: boolean }) {
  const { t } = useT();
  const lang = currentLanguage();
  const [kind, setKind] = useState<Kind>(raw ? 'responses' : 'tables');
  const [format, setFormat] = useState<Format>('xlsx');
  const [language, setLanguage] = useState<'nl' | 'en'>(lang);
  const [dutchExcel, setDutchExcel] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const abort = useRef<AbortController | null>(null);
  const kindLegend = useId();

  useEffect(() => () => abort.current?.abort(), []);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (progress) return;
    setError(null);
    setDone(null);
    const controller = new AbortController();
    abort.current = controller;
    const path = kind === 'responses' ? apiPath`/api/orgs/${orgId}/rounds/${roundId}/export` : apiPath`/api/orgs/${orgId}/rounds/${roundId}/export/tables`;
    const search = new URLSearchParams({ format, lang: language, ...(dutchExcel && (format === 'csv' || format === 'r') ? { dutchExcel: '1' } : {}) });
    setProgress({ bytes: 0, totalRows: null, kind });
    try {
      // Said at once, before the first byte: the server may need a moment to put the rows in order.
      const response = await fetch(`${path}?${search}`, { credentials: 'same-origin', signal: controller.signal, headers: { 'Accept-Language': lang } });
      if (!response.ok || !response.body) throw await errorOf(response, t('common.unknownError'));
      const totalRows = Number(response.headers.get('X-Total-Rows') ?? Number.NaN);
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let shown = 0;
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        chunks.push(value);
        bytes += value.length;
        // A few updates a second: enough to see it move, not so many that a screen reader chatters.
        if (performance.now() - shown > 400) {
          shown = performance.now();
          setProgress({ bytes, totalRows: Number.isFinite(totalRows) ? totalRows : null, kind });
        }
      }
      const name = fileNameOf(response, `export.${format}`);
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(t('exports.done', { name, size: formatBytes(bytes, lang) }));
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') setDone(t('exports.stopped'));
      else setError(caught instanceof ApiError ? caught : new ApiError({ id: 'network', message: t('common.networkError'), status: 0 }));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const rows = progress?.totalRows;
  const statusText = progress
    ? progress.bytes === 0
      ? t('exports.preparing')
      : rows === null || rows === undefined
        ? t('exports.busyBytes', { size: formatBytes(progress.bytes, lang) })
        : t(progress.kind === 'responses' ? 'exports.busyResponses' : 'exports.busyTables', {
            count: rows,
            rows: rows.toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB'),
            size: formatBytes(progress.bytes, lang),
          })
    : '';

  return (
    <section className="section export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exports.heading')}</h2>
      <p>{raw ? t('exports.introRaw') : t('exports.introTables')}</p>
      <form onSubmit={start} noValidate aria-busy={progress ? true : undefined}>
        {raw && (
          <fieldset className="export-kind choice-list">
            <legend id={kindLegend}>{t('exports.kindLegend')}</legend>
            <label className="choice">
              <input type="radio" name="export-kind" checked={kind === 'responses'} onChange={() => setKind('responses')} />
              {t('exports.kindResponses')}
            </label>
            <label className="choice">
              <input type="radio" name="export-kind" checked={kind === 'tables'} onChange={() => setKind('tables')} />
              {t('exports.kindTables')}
            </label>
          </fieldset>
        )}
        <SelectField
          label={t('exports.formatLabel')}
          hint={t(`exports.formatHint.${format}`)}
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
        >
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`exports.format.${f}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('exports.languageLabel')} value={language} onChange={(e) => setLanguage(e.target.value as 'nl' | 'en')}>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </SelectField>
        {(format === 'csv' || format === 'r') && (
          <label className="choice">
            <input type="checkbox" checked={dutchExcel} onChange={(e) => setDutchExcel(e.target.checked)} />
            {t('exports.dutchExcel')}
          </label>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" aria-disabled={progress ? true : undefined}>
            {t('exports.download')}
          </button>
          {progress && (
            <button type="button" className="button button-secondary" onClick={() => abort.current?.abort()}>
              {t('exports.stop')}
            </button>
          )}
        </div>
      </form>
      <div className="export-status" role="status" aria-live="polite">
        {progress && (
          <>
            <progress aria-label={t('exports.progressLabel')} />
            <p>{statusText}</p>
          </>
        )}
        {done && <p>{done}</p>}
      </div>
      <ErrorAlert message={error?.message ?? null} requestId={error?.requestId} />
      {raw && kind === 'responses' && <p className="export-note">{t('exports.privacyNote')}</p>}
    </section>
  );
}
