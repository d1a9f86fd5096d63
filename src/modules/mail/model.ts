import * as z from 'zod';
import { languageSchema } from '../../core/language.ts';

const bilingual = (max: number) => z.object({ nl: z.string().min(1).max(max), en: z.string().min(1).max(max) });

/**
 * What another module asks to mail. Give texts in both languages; the mail is rendered in the
 * recipient's language. Put no personal or sensitive content in it (no answers, no names of others,
 * no signal text): say that something waits and give the link to it, behind sign-in.
 */
export const mailRequestSchema = z.object({
  to: z.string().trim().toLowerCase().email().max(254),
  language: languageSchema,
  /** What kind of mail this is, for counting and tests (e.g. `password_reset`, `digest`, `round_invitation`). */
  kind: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  subject: bilingual(200),
  /** Paragraphs of plain text, in order. */
  paragraphs: z.object({ nl: z.array(z.string().min(1).max(2000)).min(1).max(20), en: z.array(z.string().min(1).max(2000)).min(1).max(20) }),
  /** The one thing to click: an absolute http(s) address. */
  link: z
    .object({
      url: z
        .string()
        .url()
        .regex(/^https?:\/\//),
      label: bilingual(100),
    })
    .optional(),
  /** Who the mail comes from, as the recipient knows them (an organisation's name and colour), for branding. */
  brand: z
    .object({
      name: z.string().min(1).max(200),
      /** #rrggbb; the caller makes sure white text on it keeps AA contrast. */
      colour: z
        .string()
        .regex(/^#[0-9a-f]{6}$/i)
        .optional(),
    })
    .optional(),
});

export type MailRequest = z.input<typeof mailRequestSchema>;
export type ParsedMailRequest = z.output<typeof mailRequestSchema>;

/** A mail rendered in one language, ready for the outbox. */
export type RenderedMail = { subject: string; text: string; html: string };
