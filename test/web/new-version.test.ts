import { describe, expect, it } from 'vitest';
import { mainScriptOf } from '../../web/src/new-version.ts';

describe('the main script a page of the app names', () => {
  it('is the module script of the built index.html', () => {
    const html = `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/index-CYvziF44.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-DBJZWDgC.js">
    </head><body><div id="root"></div></body></html>`;
    expect(mainScriptOf(html)).toBe('/assets/index-CYvziF44.js');
  });

  it('is nothing for a page without one (an error page, a proxy’s page)', () => {
    expect(mainScriptOf('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
    expect(mainScriptOf('')).toBeUndefined();
  });
});
