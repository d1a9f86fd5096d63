import { useT } from '../../i18n.ts';
import type { Disclosed } from './types.ts';

/** A count, or a dash with a spoken explanation when it is hidden to protect small groups. */
export function DisclosedValue({ value }: { value: Disclosed }) {
  const { t } = useT();
  if (value.count !== null) return <>{value.count}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('signalen.hidden')}</span>
    </>
  );
}
