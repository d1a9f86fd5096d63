import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../core/language.ts';

/** The words the page shell needs: the name of the other language and its code. */
export interface PublicPageMessages {
  otherLanguage: string;
  otherLanguageCode: string;
}

const baseCss = fs.readFileSync(path.join(import.meta.dirname, 'public-page.css'), 'utf8');

/** A public page's stylesheet: the shared base (reset, header, body text) followed by the page's own rules. */
export function publicPageCss(ownCssFile: string): string {
  return `${baseCss}\n${fs.readFileSync(ownCssFile, 'utf8')}`;
}

/**
 * The shell of every server-rendered public page (respondent form, exhibition): one stylesheet,
 * an optional external script (no inline script or style, for the CSP), a header with the brand
 * and a link to the other language.
 */
export function PublicPage(props: {
  lang: Language;
  title: string;
  stylesheet: string;
  /** A second stylesheet after the first (the organisation's colours on the respondent form). */
  extraStylesheet?: string | undefined;
  /** What the header shows instead of the platform's name (an organisation's name or logo). */
  brand?: ReactNode;
  script?: string;
  messages: PublicPageMessages;
  languageHref?: string;
  children: ReactNode;
}) {
  const t = props.messages;
  return (
    <html lang={props.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={props.stylesheet} />
        {props.extraStylesheet && <link rel="stylesheet" href={props.extraStylesheet} />}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <header className="top">
          {props.brand ?? <span className="brand">Kruisbestuiving</span>}
          {props.languageHref && (
            <a href={props.languageHref} lang={t.otherLanguageCode} hrefLang={t.otherLanguageCode}>
              {t.otherLanguage}
            </a>
          )}
        </header>
        <main id="main">{props.children}</main>
        {props.script && <script src={props.script} defer />}
      </body>
    </html>
  );
}

/** Answers with a rendered public page; no-store, so a closed round or a withdrawn story never lingers in a cache. */
export function sendPublicPage(reply: FastifyReply, element: ReactElement, status = 200) {
  return sendPublicHtml(reply, renderToStaticMarkup(element), status);
}

/** The same for a page already rendered to HTML (without its doctype). */
export function sendPublicHtml(reply: FastifyReply, html: string, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(`<!doctype html>${html}`);
}

/** The encoding to send a fixed file in: brotli, else gzip, else none (a `q=0` refuses one). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    if (!params.some((p) => /^q=0(\.0*)?$/.test(p))) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * Serves a fixed file of a public page (its stylesheet or script), cacheable for an hour. It is
 * compressed once, at the strongest settings, the first time each encoding is asked for, and sent
 * as it is from then on (not compressed again per request).
 */
export function registerPublicAsset(app: FastifyInstance, url: string, contentType: string, body: string): void {
  const plain = Buffer.from(body);
  const compressed: { br?: Buffer; gzip?: Buffer } = {};
  const make = {
    br: () => zlib.brotliCompressSync(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
    gzip: () => zlib.gzipSync(plain, { level: 9 }),
  };
  app.get(url, { schema: { hide: true }, compress: false }, (req, reply) => {
    reply.type(contentType).header('Cache-Control', 'public, max-age=3600').header('Vary', 'Accept-Encoding');
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return reply.send(plain);
    compressed[encoding] ??= make[encoding]();
    return reply.header('Content-Encoding', encoding).send(compressed[encoding]);
  });
}
