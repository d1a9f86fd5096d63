import type { ReactNode } from 'react';
import { useT } from '../../i18n.ts';
import { ScrollTable } from './ScrollTable.tsx';
import type { SignalStatus } from './types.ts';

type Props = {
  headingId: string;
  title: string;
  /** One row per status; the count is shown as given (a number, or a protected value). */
  rows: { status: SignalStatus; count: ReactNode }[];
};

/** A section with a heading and a table: how many signals have each status. */
export function StatusCountsSection({ headingId, title, rows }: Props) {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ScrollTable label={title}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('signalen.field.status')}</th>
              <th scope="col">{t('signalen.field.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.status}>
                <th scope="row">{t(`signalen.status.${row.status}`)}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
