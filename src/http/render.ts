import type { ReactElement } from 'react';
import { lazyRequire } from '../core/lazy-require.ts';

/**
 * React's server renderer, loaded when the first page is rendered, not at start: about 2 MiB of
 * heap (both of react-dom's server builds) that an idle server, and one that serves only the API,
 * does not need. test/performance/lazy-heavy-modules.test.ts checks it is not loaded at start.
 */
const reactDomServer = lazyRequire<typeof import('react-dom/server')>('react-dom/server');

/** renderToStaticMarkup of react-dom/server, the same output. */
export const renderToStaticMarkup = (element: ReactElement): string => reactDomServer().renderToStaticMarkup(element);
