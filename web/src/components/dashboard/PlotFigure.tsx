import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n.ts';
import { loadPlot, type Plot } from './charts.ts';
import { downloadPng, downloadSvg } from './download.ts';

export type Draw = (Plot: Plot, width: number) => SVGSVGElement;

/** Charts further down than this are drawn only when the reader gets near them. */
const AHEAD = '800px 0px';

/** The width in steps of 16 px, so a resize does not redraw on every pixel. */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const measure = () => setWidth(Math.max(240, Math.floor(node.clientWidth / 16) * 16));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

function useNearViewport(element: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const node = element.current;
    if (!node || near) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}

/**
 * One Plot chart: drawn lazily when near the viewport and again when the width changes, with
 * buttons to download it as SVG or PNG. `draw` must keep its identity while its data stays the same.
 */
export function PlotFigure({ draw, title, fileBase, legend }: { draw: Draw; title: string; fileBase: string; legend?: ReactNode }) {
  const { t } = useT();
  const frame = useRef<HTMLDivElement>(null);
  const chart = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const width = useWidth(frame);
  const near = useNearViewport(frame);
  const [state, setState] = useState<'waiting' | 'ready' | 'failed'>('waiting');
  const [downloadFailed, setDownloadFailed] = useState(false);

  useEffect(() => {
    if (!near || width === 0) return;
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (cancelled || !chart.current) return;
        const drawn = draw(Plot, width);
        chart.current.replaceChildren(drawn);
        svg.current = drawn;
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [near, width, draw]);

  const png = () => {
    if (!svg.current) return;
    setDownloadFailed(false);
    downloadPng(svg.current, title, `${fileBase}.png`).catch(() => setDownloadFailed(true));
  };

  return (
    <div className="chart" ref={frame}>
      {legend}
      <div className="chart-canvas" ref={chart} data-state={state} />
      {state === 'failed' && <p className="field-hint">{t('dashboard.chartFailed')}</p>}
      {state === 'ready' && (
        <p className="chart-downloads">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => svg.current && downloadSvg(svg.current, title, `${fileBase}.svg`)}
          >
            {t('dashboard.downloadSvg')}
            <span className="visually-hidden">: {title}</span>
          </button>
          <button type="button" className="button button-secondary button-small" onClick={png}>
            {t('dashboard.downloadPng')}
            <span className="visually-hidden">: {title}</span>
          </button>
        </p>
      )}
      {downloadFailed && <p className="field-error">{t('dashboard.downloadFailed')}</p>}
    </div>
  );
}

/** A legend of colour swatches in HTML (Plot's own legend would bring an inline <style>). */
export function Legend({ entries, label }: { entries: { key: string; label: string; colour: string }[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" rx="2" fill={entry.colour} />
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
