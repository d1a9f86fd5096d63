import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPdfPrinter, type PdfPrinter } from '../../src/core/pdf-printer.ts';

const chromiumPath = inject('chromiumPath');
const pdfinfoPath = inject('pdfinfoPath');
const footer = { page: 'Pagina', of: 'van' };

/**
 * The printer keeps one page open and prints every document on it in turn. What one document
 * brings must not reach the next, no script may run and nothing may be fetched from outside.
 */
describe.skipIf(!chromiumPath || !pdfinfoPath)('the PDF printer', () => {
  let printer: PdfPrinter;
  let server: http.Server;
  let serverUrl = '';
  const hits: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-printer-'));

  const textOf = (pdf: Buffer, name: string): string => {
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, pdf);
    return execFileSync(path.join(path.dirname(pdfinfoPath ?? ''), 'pdftotext'), [file, '-'], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    printer = createPdfPrinter(chromiumPath ?? '');
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('body { color: red }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await printer.close();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints each document on its own: nothing of the one before stays on the page', async () => {
    const first = textOf(await printer.print('<!doctype html><title>A</title><p>Eerste rapport ALFA</p>', footer), 'first');
    const second = textOf(await printer.print('<!doctype html><title>B</title><p>Tweede rapport BRAVO</p>', footer), 'second');
    expect(first).toContain('Eerste rapport ALFA');
    expect(second).toContain('Tweede rapport BRAVO');
    expect(second).not.toContain('ALFA');
    expect(second).toContain('Pagina 1 van 1');
  });

  it('runs no script of the document', async () => {
    const html = `<!doctype html><title>S</title><p id="p">Vaste tekst</p><script>document.getElementById('p').textContent = 'SCRIPT GELOPEN'</script>`;
    const text = textOf(await printer.print(html, footer), 'script');
    expect(text).toContain('Vaste tekst');
    expect(text).not.toContain('SCRIPT GELOPEN');
  });

  it('fetches nothing from outside the document, on the first print or a later one', async () => {
    for (const round of [1, 2]) {
      const html = `<!doctype html><title>N</title><link rel="stylesheet" href="${serverUrl}/style-${round}.css"><img src="${serverUrl}/beeld-${round}.png" alt=""><p>Rapport ${round}</p>`;
      expect(textOf(await printer.print(html, footer), `network-${round}`)).toContain(`Rapport ${round}`);
    }
    expect(hits).toEqual([]);
  });
});
