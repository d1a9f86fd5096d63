import type { ParsedMailRequest, RenderedMail } from './model.ts';

const footer = {
  nl: 'Je krijgt deze e-mail van Kruisbestuiving. Antwoorden op deze e-mail worden niet gelezen.',
  en: 'You receive this e-mail from Kruisbestuiving. Replies to this e-mail are not read.',
} as const;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The mail in the recipient's language: a plain-text part (read by every client) and a simple HTML part. */
export function renderMail(request: ParsedMailRequest): RenderedMail {
  const lang = request.language;
  const paragraphs = request.paragraphs[lang];
  const link = request.link ? { url: request.link.url, label: request.link.label[lang] } : undefined;
  const sender = request.brand?.name;
  const colour = request.brand?.colour ?? '#1d4f91';

  const textParts = [...(sender ? [sender, ''] : []), ...paragraphs.flatMap((p) => [p, ''])];
  if (link) textParts.push(`${link.label}:`, link.url, '');
  textParts.push('--', footer[lang]);

  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(request.subject[lang])}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;margin:0;padding:16px;max-width:600px">',
    ...(sender ? [`<p style="font-weight:bold;margin:0 0 16px">${escapeHtml(sender)}</p>`] : []),
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link
      ? [
          `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;background:${colour};color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>`,
          `<p style="font-size:14px">${escapeHtml(link.url)}</p>`,
        ]
      : []),
    `<hr><p style="font-size:14px;color:#4a4a4a">${escapeHtml(footer[lang])}</p>`,
    '</body></html>',
  ].join('');

  return { subject: request.subject[lang], text: textParts.join('\n'), html };
}
