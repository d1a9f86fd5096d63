import { openHeading } from './generate.ts';
import { type CharterDocument, charterWords } from './markdown.ts';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bodyHtml(body: string): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const line of body.split('\n')) {
    const rest = line.trimStart();
    if (rest.startsWith('- ')) list.push(`<li>${esc(rest.slice(2))}</li>`);
    else if (line.startsWith(' ') && list.length) list[list.length - 1] = (list[list.length - 1] as string).replace('</li>', () => `<br>${esc(rest)}</li>`);
    else {
      flush();
      out.push(`<p>${esc(line)}</p>`);
    }
  }
  flush();
  return out.join('\n');
}

/** A self-contained, printable HTML page of a charter version (for the PDF printer). */
export function charterHtml(doc: CharterDocument): string {
  const w = charterWords[doc.language];
  const sections = doc.sections
    .map(
      (s) =>
        `<section><h2>${esc(s.title)}</h2>${bodyHtml(s.body)}${
          s.open.length ? `<div class="open"><h3>${esc(openHeading(doc.language))}</h3><ul>${s.open.map((o) => `<li>${esc(o)}</li>`).join('')}</ul></div>` : ''
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${doc.language}"><head><meta charset="utf-8"><title>${esc(`${w.heading}: ${doc.title}`)}</title>
<style>
body{font-family:system-ui,sans-serif;font-size:11pt;line-height:1.5;color:#1a1a1a;max-width:42rem;margin:0 auto}
h1{font-size:20pt;margin:0 0 .2em}h2{font-size:14pt;margin:1.4em 0 .4em;break-after:avoid}h3{font-size:11pt;margin:.6em 0 .2em}
.meta{color:#444}.open{border-left:4px solid #8a5a00;padding-left:.8em}section{break-inside:auto}
@page{size:A4}
</style></head><body>
<h1>${esc(`${w.heading}: ${doc.title}`)}</h1>
<p class="meta">${esc(doc.team)} · ${esc(w.version(doc.version))}</p>
<p><strong>${esc(doc.established ? w.established : w.notEstablished)}</strong></p>
${sections}
<section><h2>${esc(w.signatures)}</h2><ul>${doc.signatures.map((s) => `<li>${esc(s.displayName)}, ${esc(w.signedOn)} ${esc(s.signedAt.slice(0, 10))}</li>`).join('')}</ul>
${doc.missing.length ? `<p>${esc(w.missing)}: ${doc.missing.map((m) => esc(m.displayName)).join(', ')}</p>` : ''}</section>
</body></html>`;
}
