import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const ASSETS = `${path.sep}assets${path.sep}`;

/**
 * A file in assets/ has the hash of its content in its name, so it never changes: a browser keeps it a year
 * and does not ask again on every page (about twenty requests less per page on a slow phone). index.html
 * names the current files and is asked for again each time.
 */
function cacheBuiltAssets(reply: FastifyReply, file: string): void {
  if (file.includes(ASSETS)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
}

/**
 * Serves the built browser app; any other GET that asks for HTML gets index.html so the
 * client-side router can show the page (or its own "not found").
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  // preCompressed: the .br and .gz files written next to each asset at build time (vite.config.ts).
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false, preCompressed: true, setHeaders: cacheBuiltAssets });
  const indexHtml = fs.readFileSync(index);
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
  });
  return true;
}
