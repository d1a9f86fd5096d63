import type { ReactNode } from 'react';
import type { Language } from '../../core/language.ts';
import { groupLabels } from './groups.ts';
import type { PromptResultsView } from './results-service.ts';

type SplitResults = PromptResultsView['results'];

/**
 * A prompt's counts for the whole room and each group shown apart (server-rendered: the phone's
 * page and the printed report). A hidden count reads as `hidden`.
 */
export function SplitTable({
  results,
  lang,
  corner,
  roomLabel,
  hidden,
  label,
}: {
  results: SplitResults;
  lang: Language;
  corner: ReactNode;
  roomLabel: string;
  hidden: string;
  label: (key: string) => string;
}) {
  if (!results.rows) return null;
  const show = (n: number | null | undefined) => (n === null || n === undefined ? hidden : String(n));
  return (
    <table>
      <thead>
        <tr>
          {corner}
          <th scope="col">{roomLabel}</th>
          {results.shown.map((g) => (
            <th scope="col" key={g}>
              {groupLabels[g][lang]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {results.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{show(row.room.count)}</td>
            {results.shown.map((g) => (
              <td key={g}>{show(row.groups[g]?.count)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
