/**
 * Chart specs for Observable Plot. Plot is loaded lazily (loadPlot) so it lands in its own chunk;
 * every chart is an SVG made CSP-safe by finish(): Plot's own <style> element is removed before the
 * SVG reaches the page (the stylesheet gives the same rules to .kb-plot).
 */
import type * as PlotModule from '@observablehq/plot';
import { barData, chartPoints, divergingSegments, formatNumber, GROUP_COLOURS, groupedBarData, type Lang, scalePalette, scaleRows } from './helpers.ts';
import type { CompareItem, ReportTable } from './types.ts';
import { wrapWords } from './wrap.ts';

export type Plot = typeof PlotModule;

let loading: Promise<Plot> | null = null;
export function loadPlot(): Promise<Plot> {
  loading ??= import('@observablehq/plot').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export const PLOT_CLASS = 'kb-plot';
const BAR = '#0b6e69';
const TEXT = '#1b2428';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

type Common = { width: number; lang: Lang; decimals: number; ariaLabel: string; ariaDescription: string };

/** Plot's inline <style> breaks a strict style-src, and its per-mark aria-labels clutter the tree. */
function finish(node: Element, ariaLabel: string, ariaDescription: string): SVGSVGElement {
  const svg = (node instanceof SVGSVGElement ? node : node.querySelector('svg')) as SVGSVGElement;
  for (const style of svg.querySelectorAll('style')) style.remove();
  for (const element of svg.querySelectorAll('[aria-label],[aria-description],[aria-hidden]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
    element.removeAttribute('aria-hidden');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', ariaLabel);
  svg.setAttribute('aria-description', ariaDescription);
  svg.setAttribute('font-family', FONT);
  svg.setAttribute('font-size', '12');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return svg;
}

/** Room for the answer labels on the left: about 7.2 px a character at 12 px, at most 40% of the width. */
const CHAR = 7.2;
function leftMargin(labels: string[], width: number): number {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return Math.round(Math.min(Math.max(longest * CHAR + 16, 60), width * 0.4));
}

/** Labels longer than the margin wrap (Plot counts in ems of about 0.6 character). */
function labelLineWidth(margin: number): number {
  return Math.max(6, Math.floor((margin - 16) / CHAR));
}

/** Horizontal bars, percent 0–100, each labelled "48,8"; a suppressed answer keeps its row with "–". */
export function barChart(Plot: Plot, table: ReportTable, options: Common): SVGSVGElement {
  const data = barData(table, options.lang, options.decimals);
  const labels = data.map((d) => d.label);
  const marginLeft = leftMargin(labels, options.width);
  const node = Plot.plot({
    className: PLOT_CLASS,
    width: options.width,
    height: Math.max(80, data.length * 30 + 44),
    marginLeft,
    marginRight: 44,
    x: { domain: [0, 100], label: '%', grid: true, tickFormat: (d: number) => formatNumber(d, options.lang, 0), ticks: options.width < 420 ? 4 : 10 },
    y: { domain: labels, label: null, padding: 0.2 },
    marks: [
      Plot.axisY({ lineWidth: labelLineWidth(marginLeft), tickSize: 0, fontSize: 12 }),
      Plot.barX(
        data.filter((d) => d.percent !== null),
        { x: 'percent', y: 'label', fill: BAR },
      ),
      Plot.text(data, { x: (d: (typeof data)[number]) => d.percent ?? 0, y: 'label', text: 'text', textAnchor: 'start', dx: 4, fill: TEXT, fontSize: 12 }),
      Plot.ruleX([0], { stroke: TEXT }),
    ],
  });
  return finish(node, options.ariaLabel, options.ariaDescription);
}

/** A histogram of a number in classes: one column per class, its count on top; a hidden class has no column and "–". */
export function histogramChart(Plot: Plot, table: ReportTable, options: Common & { countLabel: string }): SVGSVGElement {
  const data = table.items.map((item) => ({ label: item.label, count: item.count, text: formatNumber(item.count, options.lang, 0) }));
  const node = Plot.plot({
    className: PLOT_CLASS,
    width: options.width,
    height: 240,
    marginLeft: 44,
    marginBottom: 44,
    x: { domain: data.map((d) => d.label), label: null, padding: 0.08, tickRotate: options.width < 480 && data.length > 5 ? -45 : 0 },
    y: { label: options.countLabel, grid: true, tickFormat: (d: number) => formatNumber(d, options.lang, 0) },
    marks: [
      Plot.barY(
        data.filter((d) => d.count !== null),
        { x: 'label', y: 'count', fill: BAR },
      ),
      Plot.text(data, { x: 'label', y: (d: (typeof data)[number]) => d.count ?? 0, text: 'text', dy: -6, fill: TEXT, fontSize: 12 }),
      Plot.ruleY([0], { stroke: TEXT }),
    ],
  });
  return finish(node, options.ariaLabel, options.ariaDescription);
}

/** A statement's lines above its bar: about 7.4 px a character at 12 px (on the wide side, so a line never runs out). */
const STATEMENT_CHAR = 7.4;
const LINE = 15;
const BAR_HEIGHT = 22;
const LABEL_GAP = 4;
const ROW_GAP = 16;
const SIDE = 16;
const AXIS = 32;
export const STATEMENT_CLASS = 'kb-statement';

/**
 * Diverging bars for a scale: disagreement left of 0, agreement right. Each statement is written in
 * full above its own bar, wrapped to the chart's width, so a long statement is never cut off at a
 * wide screen nor drawn over its neighbour on a phone.
 */
export function divergingChart(Plot: Plot, table: ReportTable, options: Common): SVGSVGElement {
  const rows = scaleRows(table);
  const points = chartPoints(table);
  const maxChars = Math.floor((options.width - 2 * SIDE) / STATEMENT_CHAR);
  let y = 8;
  const layout = rows.map(({ row }) => {
    const lines = wrapWords(row, maxChars);
    const labelY = y;
    const barTop = labelY + lines.length * LINE + LABEL_GAP;
    y = barTop + BAR_HEIGHT + ROW_GAP;
    return { row, text: lines.join('\n'), labelY, barTop, barBottom: barTop + BAR_HEIGHT };
  });
  const place = new Map(layout.map((l) => [l.row, l]));
  const segments = rows
    .flatMap(({ row, points: p }) => divergingSegments(row, p, options.lang, options.decimals))
    .map((s) => ({ ...s, y1: place.get(s.row)?.barTop ?? 0, y2: place.get(s.row)?.barBottom ?? 0 }));
  const minX = Math.min(-50, ...segments.map((s) => s.x1));
  const maxX = Math.max(50, ...segments.map((s) => s.x2));
  const node = Plot.plot({
    className: PLOT_CLASS,
    width: options.width,
    height: y + AXIS,
    marginTop: 0,
    marginBottom: AXIS,
    marginLeft: SIDE,
    marginRight: SIDE,
    x: {
      domain: [minX, maxX],
      label: '%',
      tickFormat: (d: number) => formatNumber(Math.abs(d), options.lang, 0),
      ticks: options.width < 420 ? 4 : 8,
    },
    y: { type: 'identity', axis: null },
    color: { domain: points.map((p) => p.code), range: scalePalette(points.length) },
    marks: [
      Plot.text(layout, {
        frameAnchor: 'left',
        y: 'labelY',
        text: 'text',
        textAnchor: 'start',
        lineAnchor: 'top',
        lineHeight: LINE / 12,
        fill: TEXT,
        fontSize: 12,
        className: STATEMENT_CLASS,
      }),
      Plot.rect(segments, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'code', stroke: '#fff' }),
      Plot.text(
        segments.filter((s) => s.percent >= 8 && options.width >= 420),
        {
          x: (s: (typeof segments)[number]) => (s.x1 + s.x2) / 2,
          y: (s: (typeof segments)[number]) => (s.y1 + s.y2) / 2,
          text: 'text',
          fill: (s: (typeof segments)[number]) =>
            points.length > 2 && points.findIndex((p) => p.code === s.code) === Math.floor(points.length / 2) ? TEXT : '#fff',
          fontSize: 11,
        },
      ),
      Plot.ruleX(layout, { x: 0, y1: 'barTop', y2: 'barBottom', stroke: TEXT }),
    ],
  });
  return finish(node, options.ariaLabel, options.ariaDescription);
}

/** Two groups side by side: per answer a bar for each group (grouped bars, one facet per answer). */
export function groupedChart(Plot: Plot, items: CompareItem[], groups: { a: string; b: string }, options: Common): SVGSVGElement {
  const data = groupedBarData(items, groups, options.lang, options.decimals);
  const labels = [...new Set(items.map((i) => i.label))];
  const marginLeft = leftMargin(labels, options.width);
  const node = Plot.plot({
    className: PLOT_CLASS,
    width: options.width,
    height: Math.max(90, labels.length * 48 + 44),
    marginLeft,
    marginRight: 44,
    x: { domain: [0, 100], label: '%', grid: true, tickFormat: (d: number) => formatNumber(d, options.lang, 0), ticks: options.width < 420 ? 4 : 10 },
    y: { domain: [groups.a, groups.b], axis: null, padding: 0.1 },
    fy: { domain: labels, label: null, padding: 0.2 },
    color: { domain: [groups.a, groups.b], range: [...GROUP_COLOURS] },
    marks: [
      Plot.axisFy({ lineWidth: labelLineWidth(marginLeft), tickSize: 0, fontSize: 12, anchor: 'left' }),
      Plot.barX(
        data.filter((d) => d.percent !== null),
        { x: 'percent', y: 'group', fy: 'label', fill: 'group' },
      ),
      Plot.text(data, {
        x: (d: (typeof data)[number]) => d.percent ?? 0,
        y: 'group',
        fy: 'label',
        text: 'text',
        textAnchor: 'start',
        dx: 4,
        fill: TEXT,
        fontSize: 11,
      }),
      Plot.ruleX([0], { stroke: TEXT }),
    ],
  });
  return finish(node, options.ariaLabel, options.ariaDescription);
}
