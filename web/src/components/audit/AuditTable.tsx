import { formatDateTime } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import { type AuditEvent, isPosition, isRole, type Organisation } from '../../types.ts';

type Names = { people: Map<string, string>; teams: Map<string, string> };

/** The events, newest first: when, who, what, about whom or what, and the details in words. */
export function AuditTable({ org, events, names }: { org: Organisation; events: AuditEvent[]; names: Names }) {
  const { t } = useT();
  // Ids from the server that have no text (yet) are shown as they are.
  const loose = (key: string, fallback: string) => t(key, { defaultValue: fallback });
  const language = currentLanguage();

  // Parts keep their own words under their own key (trajecten.audit…), looked up after the shared ones.
  const partLabel = (kind: 'Actions' | 'Subjects' | 'Details', id: string) => loose(`trajecten.audit${kind}.${id}`, id);
  const actionLabel = (action: string) => loose(`audit.actions.${action}`, partLabel('Actions', action));

  const subject = (event: AuditEvent) => {
    const type = loose(`audit.subjectTypes.${event.subjectType}`, partLabel('Subjects', event.subjectType));
    let name: string | undefined;
    if (event.subjectType === 'user') name = names.people.get(event.subjectId) ?? t('audit.formerMember');
    else if (event.subjectType === 'team') name = names.teams.get(event.subjectId) ?? t('audit.deletedTeam');
    else if (event.subjectType === 'organisation') name = event.subjectId === org.id ? org.name : undefined;
    return name ? `${type}: ${name}` : type;
  };

  const value = (key: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (key === 'teamId' && typeof raw === 'string') return names.teams.get(raw) ?? t('audit.deletedTeam');
    if (isRole(raw)) return t(`roles.${raw}`);
    if (isPosition(raw)) return t(`positions.${raw}`);
    if (key === 'sector' && typeof raw === 'string') return loose(`sectors.${raw}`, raw);
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    return JSON.stringify(raw);
  };

  const details = (event: AuditEvent) => Object.entries(event.details).filter(([, raw]) => raw !== null && raw !== undefined && raw !== '');

  return (
    <table className="table table-audit">
      <caption className="visually-hidden">{t('audit.caption', { organisation: org.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.when')}</th>
          <th scope="col">{t('audit.who')}</th>
          <th scope="col">{t('audit.what')}</th>
          <th scope="col">{t('audit.subject')}</th>
          <th scope="col">{t('audit.details')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const pairs = details(event);
          return (
            <tr key={event.id}>
              <td data-label={t('audit.when')}>
                <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
              </td>
              <td data-label={t('audit.who')}>{event.actor?.displayName ?? t('audit.system')}</td>
              <td data-label={t('audit.what')}>{actionLabel(event.action)}</td>
              <td data-label={t('audit.subject')}>{subject(event)}</td>
              <td data-label={t('audit.details')}>
                {pairs.length === 0 ? (
                  '—'
                ) : (
                  <dl className="details-list">
                    {pairs.map(([key, raw]) => (
                      <div key={key}>
                        <dt>{loose(`audit.detailKeys.${key}`, partLabel('Details', key))}</dt>
                        <dd>{value(key, raw)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
