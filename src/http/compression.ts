import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses HTML, CSS, JavaScript, JSON and SVG answers on the fly (brotli, else gzip). Brotli's
 * default level (11) costs far too much CPU per request; level 4 is about as cheap as gzip's 6 and
 * still smaller. The web app's built files are compressed once at build time (vite.config.ts) and
 * served as they are (preCompressed in web.ts), so they cost nothing here.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^(text\/(html|css|javascript|plain|csv)|application\/(json|javascript|problem\+json)|image\/svg\+xml)/,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
