import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium.ts';

/** Chromium is not on this machine: the caller answers 503 in plain words. */
export class PdfUnavailableError extends Error {}

export type PdfFooter = { page: string; of: string };

/** How every document is printed: tagged A4 with its outline, page numbers in the footer. */
export const pdfOptions = (footer: PdfFooter) =>
  ({
    tagged: true,
    outline: true,
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="font-size:9px;width:100%;text-align:center;color:#444">${footer.page} <span class="pageNumber"></span> ${footer.of} <span class="totalPages"></span></div>`,
    margin: { top: '18mm', bottom: '20mm', left: '18mm', right: '18mm' },
  }) satisfies Parameters<Page['pdf']>[0];

export type PdfPrinter = {
  available: () => boolean;
  print: (html: string, footer: PdfFooter) => Promise<Buffer>;
  close: () => Promise<void>;
};

/**
 * Prints HTML to a tagged A4 PDF with Chromium. The browser starts on the first print and is reused;
 * the prints wait in a queue, so only one page is open at a time (the machine is small).
 *
 * That one page is reused too, in a context without JavaScript or network: a new page costs Chromium a
 * new renderer process, about four times the CPU of the print itself (docs/performance.md). After each
 * print the page is emptied, so no report stays in the browser's memory; after a failed print it is
 * closed and the next print opens a new one.
 */
export function createPdfPrinter(executablePath: string): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  let printPage: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const available = () => fs.existsSync(executablePath);

  const launch = (): Promise<Browser> => {
    if (!browser) {
      // Loaded on the first print only: most servers never print, and the library is large.
      const launching = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_FLAGS }));
      browser = launching;
      // A failed start or a crashed browser: the next print starts a new one.
      launching.then(
        (started) =>
          started.on('disconnected', () => {
            if (browser === launching) {
              browser = null;
              printPage = null;
            }
          }),
        () => {
          if (browser === launching) browser = null;
        },
      );
    }
    return browser;
  };

  const openPage = async (): Promise<Page> => {
    // The documents are static HTML: no script runs, and nothing outside the document is fetched.
    const context = await (await launch()).newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    return context.newPage();
  };

  async function printOne(html: string, footer: PdfFooter): Promise<Buffer> {
    printPage ??= openPage();
    const opening = printPage;
    try {
      const page = await opening;
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf(pdfOptions(footer));
      await page.setContent('').catch(() => discard(opening));
      return pdf;
    } catch (error) {
      await discard(opening);
      throw error;
    }
  }

  /** A page that failed is closed with its context; the next print opens a new one. */
  async function discard(opening: Promise<Page>): Promise<void> {
    if (printPage === opening) printPage = null;
    const page = await opening.catch(() => undefined);
    await page
      ?.context()
      .close()
      .catch(() => {});
  }

  return {
    available,
    print(html, footer) {
      if (closed || !available()) return Promise.reject(new PdfUnavailableError(`Chromium not found at ${executablePath}`));
      const result = queue.then(() => printOne(html, footer));
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      closed = true;
      const open = browser;
      browser = null;
      printPage = null;
      if (open) await (await open.catch(() => null))?.close();
    },
  };
}
