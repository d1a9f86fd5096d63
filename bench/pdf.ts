/**
 * `npm run bench:pdf`: the PDF printer (src/core/pdf-printer.ts) against a bare Playwright print of the same
 * document in the same run: a new page for every print, as the printer itself printed until 2026-12-06.
 * Each side launches its own Chromium, prints BENCH_PRINTS times (default 30, after 2 to warm up) and
 * closes it; the CPU of Chromium's whole process tree (with the renderers that already ended) is read
 * from /proc before it closes, this process's own beside it. The launch counts on both sides.
 */
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { CHROMIUM_FLAGS } from '../src/core/chromium.ts';
import { createPdfPrinter, type PdfFooter, pdfOptions } from '../src/core/pdf-printer.ts';

const PRINTS = Number(process.env.BENCH_PRINTS ?? 30);
const WARMUP = 2;
const footer: PdfFooter = { page: 'Pagina', of: 'van' };

/** A report-like document: a title, a paragraph and a table of 33 questions with five answers each, over a few pages. */
function reportHtml(): string {
  const rows = Array.from({ length: 33 }, (_, q) =>
    Array.from(
      { length: 5 },
      (_, a) => `<tr><td>Vraag ${q + 1}</td><td>Antwoord ${a + 1}</td><td>${(q * 7 + a * 3) % 41}</td><td>${(((q + a) * 13) % 1000) / 10} %</td></tr>`,
    ).join(''),
  ).join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Rapport</title><style>body{font-family:sans-serif}table{border-collapse:collapse;width:100%}td{border:1px solid #999;padding:2px 4px}</style></head><body><h1>Cocreatie in beeld</h1><p>Een rapport van een ronde, om te printen.</p><table><thead><tr><th>Vraag</th><th>Antwoord</th><th>n</th><th>%</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

const TICK_MS = 1000 / 100;
const statFields = (pid: number): number[] => (fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ').map(Number);

/** The processes below `pid` (Chromium's browser, zygotes, renderers, GPU and network processes). */
function descendants(pid: number): number[] {
  const children = fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * CPU of this process, and of every process below it with what they reaped (a renderer that ended is
 * counted by the zygote that waited for it), in ms. Read while Chromium still runs: a process orphaned at
 * its close would be reaped by init, not by us.
 */
function cpuNow(): { self: number; children: number } {
  const own = statFields(process.pid);
  let children = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const f = statFields(pid);
      children += ((f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0)) * TICK_MS;
    } catch {
      // Ended between the listing and the read.
    }
  }
  return { self: ((own[11] ?? 0) + (own[12] ?? 0)) * TICK_MS, children };
}

type Result = { wallMs: number; chromiumMs: number; nodeMs: number; bytes: number };

async function measure(print: (html: string) => Promise<Buffer>, close: () => Promise<void>): Promise<Result> {
  const html = reportHtml();
  const before = cpuNow();
  const started = performance.now();
  for (let i = 0; i < WARMUP; i++) await print(html);
  let bytes = 0;
  for (let i = 0; i < PRINTS; i++) bytes += (await print(html)).length;
  const wallMs = performance.now() - started;
  const after = cpuNow();
  await close();
  const n = PRINTS + WARMUP;
  return { wallMs: wallMs / n, chromiumMs: (after.children - before.children) / n, nodeMs: (after.self - before.self) / n, bytes: bytes / PRINTS };
}

async function printer(executablePath: string): Promise<Result> {
  const p = createPdfPrinter(executablePath);
  return measure(
    (html) => p.print(html, footer),
    () => p.close(),
  );
}

/** The baseline: the printer's own print options, a new page (and so a new renderer) for every document. */
async function bare(executablePath: string): Promise<Result> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  return measure(
    async (html) => {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf(pdfOptions(footer));
      } finally {
        await page.close();
      }
    },
    () => browser.close(),
  );
}

const executablePath = loadConfig(process.env).chromiumPath;
if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
console.log(`PDF printer against a new page per print, ${PRINTS} prints each after ${WARMUP} to warm up; load ${load()}`);
const base = await bare(executablePath);
const ours = await printer(executablePath);
const row = (name: string, r: Result) =>
  `${name.padEnd(34)} ${r.chromiumMs.toFixed(0).padStart(6)} ms Chromium CPU ${r.nodeMs.toFixed(0).padStart(4)} ms Node CPU ${r.wallMs.toFixed(0).padStart(5)} ms wall  ${(r.bytes / 1024).toFixed(0)} KiB`;
console.log(row('bare: a new page per print', base));
console.log(row('the printer: one page, reused', ours));
console.log(
  `ratio (printer / bare): Chromium CPU ${(ours.chromiumMs / base.chromiumMs).toFixed(2)}×, wall ${(ours.wallMs / base.wallMs).toFixed(2)}×; load after ${load()}`,
);
