import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ReactElement, ReactNode } from 'react';
import type { Language } from '../core/language.ts';
import { renderToStaticMarkup } from './render.ts';

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
  reply.status(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
  return sendCompressed(reply, Buffer.from(`<!doctype html>${html}`));
}

/**
 * A page that is the same for everyone (the form's thank-you page in one language), rendered and
 * compressed once per `key` and per encoding, then sent as kept. Only for pages without anything of
 * one person in them; the keys must be few (a language, not an id).
 */
export function fixedPageSender() {
  const pages = new Map<string, KeptPage>();
  return (reply: FastifyReply, key: string, render: () => ReactElement) => {
    let page = pages.get(key);
    if (!page) {
      page = { plain: Buffer.from(`<!doctype html>${renderToStaticMarkup(render())}`) };
      pages.set(key, page);
    }
    return sendKept(reply, page);
  };
}

/** At most this many pages are kept per owner (a cached link object: its pages go with it). */
const KEPT_PER_OWNER = 200;

/**
 * The same for pages kept per `owner` object (a respondent link as cached for two seconds) and
 * `key` (language, page, which questions it shows): a form page nobody has answered yet, the same
 * for every respondent on the link, is compressed once instead of for each respondent. Only for
 * pages without anything of one person in them (rendered-pages.tsx, blankPageKey).
 */
export function keptPageSender() {
  const pages = new WeakMap<object, Map<string, KeptPage>>();
  return (reply: FastifyReply, owner: object, key: string, html: () => string) => {
    let perOwner = pages.get(owner);
    if (!perOwner) {
      perOwner = new Map();
      pages.set(owner, perOwner);
    }
    let page = perOwner.get(key);
    if (!page) {
      page = { plain: Buffer.from(`<!doctype html>${html()}`) };
      if (perOwner.size < KEPT_PER_OWNER) perOwner.set(key, page);
    }
    return sendKept(reply, page);
  };
}

type KeptPage = { plain: Buffer; br?: Buffer; gzip?: Buffer };

function sendKept(reply: FastifyReply, page: KeptPage) {
  reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store');
  const encoding = encodingFor(reply, page.plain);
  if (!encoding) return reply.send(page.plain);
  page[encoding] ??= encoding === 'br' ? zlib.brotliCompressSync(page.plain, PAGE_BROTLI) : zlib.gzipSync(page.plain, PAGE_GZIP);
  return reply.header('Vary', 'accept-encoding').header('Content-Encoding', encoding).send(page[encoding]);
}

/** The settings of src/http/compression.ts for answers made per request. */
const PAGE_BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } };
const PAGE_GZIP = { level: 6 };
const PAGE_THRESHOLD = 1024;

/**
 * A page compressed here, as @fastify/compress would (the same settings, threshold and headers),
 * without its hook: the respondent form's routes turn the hook off (`compress: false`), so their
 * redirects and pages skip its negotiation. On a route that keeps the hook it sees the
 * Content-Encoding and leaves the page as it is.
 */
function sendCompressed(reply: FastifyReply, body: Buffer) {
  const encoding = encodingFor(reply, body);
  if (!encoding) return reply.send(body);
  const compressed = encoding === 'br' ? zlib.brotliCompressSync(body, PAGE_BROTLI) : zlib.gzipSync(body, PAGE_GZIP);
  return reply.header('Vary', 'accept-encoding').header('Content-Encoding', encoding).send(compressed);
}

/** The encoding to send a page in: none below @fastify/compress's threshold or with its opt-out header. */
function encodingFor(reply: FastifyReply, body: Buffer): 'br' | 'gzip' | undefined {
  const headers = reply.request.headers;
  return body.length < PAGE_THRESHOLD || headers['x-no-compression'] !== undefined ? undefined : pageEncoding(headers['accept-encoding']);
}

/** pickEncoding of the few Accept-Encoding headers browsers send, kept (a header names no one). */
const encodings = new Map<string, 'br' | 'gzip' | undefined>();
function pageEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (acceptEncoding === undefined) return undefined;
  if (encodings.has(acceptEncoding)) return encodings.get(acceptEncoding);
  const encoding = pickEncoding(acceptEncoding);
  if (encodings.size < 100 && acceptEncoding.length <= 200) encodings.set(acceptEncoding, encoding);
  return encoding;
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
