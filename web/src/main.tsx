import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from './api.ts';
import { applyLanguage, startLanguage } from './i18n.ts';
import { reloadWhenUpdated } from './new-version.ts';
import { createRouter } from './router.tsx';
import { clearMe, loginPath } from './session.ts';

const router = createRouter();
reloadWhenUpdated();

// The session ran out somewhere in the middle of things: back to the sign-in page, then back here.
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname === '/login' || pathname === '/invite') return;
  clearMe();
  void router.navigate(loginPath(pathname + search), { replace: true, state: { sessionEnded: true } });
});

const container = document.getElementById('root');
if (!container) throw new Error('No #root element in index.html');
// Drawn once the start language's texts are there: at once in Dutch, after the English file otherwise.
void applyLanguage(startLanguage()).then(() =>
  createRoot(container).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  ),
);
