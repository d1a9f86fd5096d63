import { apiPath } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { DialogueRecordsView } from '../meetings/types.ts';

/** The meetings whose report is the record of a dialogue of this trajectory, beside the charter. */
export function DialogueRecords({ orgId, trajectoryId, records }: { orgId: string; trajectoryId: string; records: DialogueRecordsView['records'] }) {
  const { t } = useT();
  const lang = currentLanguage();
  return (
    <section className="section" aria-labelledby="records-heading">
      <h2 id="records-heading">{t('trajecten.records.title')}</h2>
      {records.length === 0 ? (
        <p>{t('trajecten.records.none')}</p>
      ) : (
        <ul className="trajectory-list">
          {records.map((r) => (
            <li key={r.meetingId}>
              <strong>{r.title}</strong> · {t('trajecten.records.meta', { date: formatDate(r.createdAt, lang), count: r.participants })}{' '}
              <a href={apiPath`/api/orgs/${orgId}/trajectories/${trajectoryId}/dialogue-records/${r.meetingId}/report.md`} download>
                {t('trajecten.records.download', { title: r.title })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
