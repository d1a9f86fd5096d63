import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A path of the app opens in the app; the respondent form (/r/…) and a meeting (/m/…) are pages of the server. */
export function ThingLink({ to, children, onFollow }: { to: string; children: ReactNode; onFollow?: () => void }) {
  if (to.startsWith('/o/'))
    return (
      <Link to={to} onClick={onFollow}>
        {children}
      </Link>
    );
  return (
    <a href={to} onClick={onFollow}>
      {children}
    </a>
  );
}
