import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ReactElement } from 'react';
import * as z from 'zod';
import { type Language, languageSchema } from '../../core/language.ts';
import { renderToStaticMarkup } from '../../http/render.ts';
import { type AnyRoute, defineRoute } from '../../http/route.ts';
import { MessagePage, SectionPage } from '../rounds/form/pages.tsx';
import { limits, localise } from './definition.ts';
import { instrumentVersionParams } from './model.ts';
import { previewVersion } from './preview.ts';

/** Placeholders for the respondent's link and response: the preview belongs to neither. */
const TOKEN = 'voorbeeld';

const previewQuery = z.strictObject({
  /** 1 for the first section, as in the respondent's "Deel 1 van 3". */
  section: z.coerce.number().int().min(1).max(limits.sections).default(1),
  lang: languageSchema.optional(),
});

const texts = {
  nl: {
    title: (title: string) => `Voorbeeld: ${title}`,
    note: (version: number, draft: boolean) =>
      `Voorbeeld van versie ${version}${draft ? ' (concept)' : ''}. Zo ziet een deelnemer dit deel. De knoppen onderaan werken hier niet: er wordt niets bewaard.`,
    conditional: 'Vragen die alleen na een bepaald antwoord verschijnen, staan hier altijd.',
    sections: 'Delen van de vragenlijst',
    section: (n: number, title: string) => `Deel ${n}: ${title}`,
    emptyTitle: 'Nog niets te zien',
    empty: 'Deze vragenlijst heeft nog geen delen met vragen. Voeg een deel en een vraag toe, sla op en bekijk het voorbeeld opnieuw.',
    brokenTitle: 'Geen voorbeeld mogelijk',
    broken: 'Een kader waaruit deze vragenlijst opties haalt, bestaat niet meer. Sla de vragenlijst opnieuw op om te zien wat je moet aanpassen.',
    missingTitle: 'Dit deel bestaat niet',
    missing: 'De vragenlijst heeft minder delen. Kies een deel in de editor.',
  },
  en: {
    title: (title: string) => `Preview: ${title}`,
    note: (version: number, draft: boolean) =>
      `Preview of version ${version}${draft ? ' (draft)' : ''}. This is how a respondent sees this part. The buttons at the bottom do not work here: nothing is saved.`,
    conditional: 'Questions that only appear after a certain answer are always shown here.',
    sections: 'Parts of the questionnaire',
    section: (n: number, title: string) => `Part ${n}: ${title}`,
    emptyTitle: 'Nothing to see yet',
    empty: 'This questionnaire has no parts with questions yet. Add a part and a question, save, and look at the preview again.',
    brokenTitle: 'No preview possible',
    broken: 'A framework this questionnaire takes options from no longer exists. Save the questionnaire again to see what to change.',
    missingTitle: 'This part does not exist',
    missing: 'The questionnaire has fewer parts. Choose a part in the editor.',
  },
} satisfies Record<Language, unknown>;

function PreviewNote(props: { lang: Language; version: number; draft: boolean; current: number; sections: { key: string; title: string }[] }) {
  const t = texts[props.lang];
  const href = (section: number) => `?section=${section}&lang=${props.lang}`;
  return (
    <div id="preview-note" role="note">
      <p className="scope">{t.note(props.version, props.draft)}</p>
      <p className="help">{t.conditional}</p>
      <nav aria-label={t.sections}>
        <ul>
          {props.sections.map((section, i) => (
            <li key={section.key}>
              <a href={href(i + 1)} aria-current={i + 1 === props.current ? 'page' : undefined}>
                {t.section(i + 1, section.title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <hr />
    </div>
  );
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The respondent page itself (SectionPage, the components respondents get), with the preview note
 * at the top of <main>, the language link kept inside the preview, and no way to send the form:
 * its action is removed and the page's Content-Security-Policy allows no form submission at all.
 * The form's own script still runs (exclusive choices, characters left), as it does for respondents.
 */
function sectionMarkup(page: ReactElement, note: ReactElement, lang: Language, section: number): string {
  const action = String(section);
  const otherLang = lang === 'nl' ? 'en' : 'nl';
  // Replacements are functions: a string would read `$'`, `$&` or `` $` `` in a title as a pattern.
  const noteMarkup = renderToStaticMarkup(note);
  const languageLink = `href="${escapeAttribute(`?section=${section}&lang=${otherLang}`)}"`;
  return renderToStaticMarkup(page)
    .replace(`<main id="main">`, () => `<main id="main">${noteMarkup}`)
    .replace(`href="${action}?lang=${otherLang}"`, () => languageLink)
    .replace(/<form\b[^>]*>/, (tag) => tag.replace(/\s(?:action|method)="[^"]*"/g, '').replace('<form', '<form aria-describedby="preview-note"'));
}

function sendHtml(reply: FastifyReply, markup: string, status = 200) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    .send(`<!doctype html>${markup}`);
}

/**
 * "Voorbeeld" in the instrument editor: a version rendered as the respondent form, one section per
 * page. HTML, not JSON, but an API route all the same: it needs a session and instruments.view,
 * and another organisation's instrument is a 404.
 */
export function instrumentPreviewRoutes(app: FastifyInstance): AnyRoute[] {
  const ctx = app.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/orgs/:orgId/instruments/:instrumentId/versions/:version/preview',
      summary: 'A version of an instrument as respondents see it, one section per page (HTML; nothing can be sent)',
      tags: ['instruments'],
      auth: 'user',
      policy: 'instruments.view',
      params: instrumentVersionParams,
      query: previewQuery,
      response: { contentType: 'text/html' },
      handler: async ({ actor, params, query, reply }) => {
        const preview = await previewVersion(ctx, actor, params.orgId, params.instrumentId, params.version);
        const lang = query.lang ?? actor.language;
        const t = texts[lang];
        const instrument = preview.instrument;
        if (!instrument) return sendHtml(reply, renderToStaticMarkup(<MessagePage lang={lang} title={t.brokenTitle} text={t.broken} />));
        if (instrument.sections.length === 0) return sendHtml(reply, renderToStaticMarkup(<MessagePage lang={lang} title={t.emptyTitle} text={t.empty} />));
        const index = query.section - 1;
        const section = instrument.sections[index];
        if (!section) return sendHtml(reply, renderToStaticMarkup(<MessagePage lang={lang} title={t.missingTitle} text={t.missing} />), 404);
        const page = (
          <SectionPage
            lang={lang}
            token={TOKEN}
            title={t.title(localise(instrument.title, lang))}
            instrument={instrument}
            index={index}
            questions={section.questions}
            answers={{}}
            errors={new Map()}
          />
        );
        const note = (
          <PreviewNote
            lang={lang}
            version={preview.version}
            draft={preview.status === 'draft'}
            current={query.section}
            sections={instrument.sections.map((s) => ({ key: s.key, title: localise(s.title, lang) }))}
          />
        );
        return sendHtml(reply, sectionMarkup(page, note, lang, query.section));
      },
    }),
  ];
}
