import { OTHER } from '../instruments/definition.ts';
import type { ReportTable } from './report.ts';

/**
 * Whether a figure of the comparison of two rounds may be shown: only when the report of that round
 * shows it to the same person. A comparison figure is a percentage (or mean) of a count the report
 * has, so it shows the count again; a hidden count stays hidden, and so does everything that would
 * give it back (the other options of a table with hidden "something else", whose percentages leave
 * it out of their base; a combinations view, whose options are sums of cells; the mean of a scale
 * with a hidden point). One rule for the API, the dashboard's "De ontmoeting" and the printed report.
 */
export function shownInReport(tables: ReportTable[], question: string, option: string | null, item: string | null): boolean {
  const table = tables.find((t) => t.question === question && t.item === item);
  if (!table || table.tooFew || table.n === null) return false;
  if (option === null) return !table.suppressed && (table.scale === undefined || table.scale.mean !== null);
  if (table.view === 'combinations') return table.items.every((i) => i.count !== null);
  if (table.items.some((i) => i.code === OTHER && i.count === null)) return false;
  return table.items.some((i) => i.code === option && i.count !== null);
}
