import { useNavigation } from 'react-router';
import { useT } from '../i18n.ts';

/** "Even geduld…" while the next page loads; on a slow phone that can take a moment. */
export function NavigationStatus() {
  const { t } = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <p className={busy ? 'navigation-status navigation-busy' : 'navigation-status'} role="status">
      {busy ? t('common.loading') : ''}
    </p>
  );
}
