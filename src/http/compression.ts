import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses HTML, CSS, JavaScript, JSON and SVG answers on the fly (brotli, else gzip). Brotli's
 * default level (11) costs far too much CPU per request. Level 1 took about half the CPU of level 4
 * for a 3–17 KB form page (about 25 against 60 µs) and came out 10–15 % larger (1.37 against 1.19 KB
 * for the welcome page); on a 165 KB JSON answer it was a third of level 4's CPU and smaller (8.7
 * against 9.3 KB). Fixed files of the public pages are compressed once (registerPublicAsset). The web app's built files are compressed once at build time (vite.config.ts) and
 * served as they are (preCompressed in web.ts), so they cost nothing here.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^(text\/(html|css|javascript|plain|csv)|application\/(json|javascript|problem\+json)|image\/svg\+xml)/,
    // A 256 KiB window (brotli's default is 4 MiB): the encoder sets up its window for every answer,
    // which cost about half the CPU of compressing a 2.7 KB form page (48 against 24 µs, same
    // 1,384 bytes out); on a 220 KB JSON answer the output was the same size and 20 % cheaper.
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } },
    zlibOptions: { level: 6 },
  });
}
