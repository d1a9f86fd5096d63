import * as z from 'zod';

const email = z.string().email().max(254);

/** At most this many addresses per list, so one paste cannot flood the outbox. */
export const MAX_ADDRESSES = 2000;

/**
 * The addresses in a pasted list or a CSV file's text: one per line, or separated by commas,
 * semicolons or tabs; `Name <address>` and quotes are taken apart. Cells without an @ (a header such
 * as "e-mail", a name column) are passed over; cells with an @ that are no address are returned as
 * invalid, so the person can correct them. Lower-cased, each address once.
 */
export function parseAddresses(text: string): { valid: string[]; invalid: string[] } {
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\n\r,;\t]+/)) {
    const cell = raw
      .trim()
      .replace(/^["']+|["']+$/g, '')
      .trim();
    if (!cell.includes('@')) continue;
    const candidate = (/<([^<>]+)>/.exec(cell)?.[1] ?? cell).trim().toLowerCase();
    if (email.safeParse(candidate).success) valid.add(candidate);
    else invalid.push(cell.slice(0, 254));
  }
  return { valid: [...valid], invalid };
}
