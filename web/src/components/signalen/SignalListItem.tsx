import { Link } from 'react-router';
import { formatDate } from '../../format.ts';
import { currentLanguage, useT } from '../../i18n.ts';
import type { CodeLabels } from './labels.ts';
import type { SignalSummary } from './types.ts';

/** One signal in a list: title as a link, its status, level, theme and how long it has been waiting. */
export function SignalListItem({ orgId, signal, labels }: { orgId: string; signal: SignalSummary; labels: CodeLabels }) {
  const { t } = useT();
  const lang = currentLanguage();
  return (
    <li>
      <Link to={`/o/${orgId}/kruisbestuiving/signalen/${signal.id}`}>{signal.title}</Link>{' '}
      <span className="status-badge">{t(`signalen.status.${signal.status}`)}</span>
      <p className="signal-meta">
        {[
          t(`signalen.level.${signal.level}`),
          signal.theme ? (labels.themes.get(signal.theme) ?? signal.theme) : null,
          signal.team?.name ?? t('signalen.wholeOrganisation'),
          t('signalen.raisedOn', { date: formatDate(signal.createdAt, lang) }),
          signal.daysWaiting !== null ? t('signalen.waitingDays', { count: signal.daysWaiting }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
  );
}
