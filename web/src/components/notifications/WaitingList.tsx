import { useT } from '../../i18n.ts';
import { ThingLink } from './ThingLink.tsx';
import type { WaitingItemView } from './types.ts';

/** What waits for the person now: each item says what to do and links to the thing. */
export function WaitingList({ items }: { items: WaitingItemView[] }) {
  const { t } = useT();
  if (items.length === 0) return <p>{t('inbox.nothingWaiting')}</p>;
  return (
    <ul className="waiting-list">
      {items.map((item) => (
        <li key={`${item.kind}-${item.link}`} className={`waiting-item waiting-${item.kind}`}>
          <span className="waiting-kind">{t(`inbox.kinds.${item.kind}`)}</span> <ThingLink to={item.link}>{item.text}</ThingLink>
        </li>
      ))}
    </ul>
  );
}
