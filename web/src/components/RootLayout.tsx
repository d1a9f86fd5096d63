import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';

/**
 * Wraps every page. After each move to another page it puts the focus on the new page's h1, so
 * screen reader users hear where they are and keyboard users start at the top of the content.
 * Only a change of path counts: switching the team (?team=) keeps the focus where it is.
 */
export function RootLayout() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>('main h1');
    const target = heading ?? document.getElementById('main');
    if (target) target.focus();
    else window.scrollTo(0, 0);
  }, [pathname]);

  return <Outlet />;
}
