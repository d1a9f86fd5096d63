import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { getBuiltinFramework } from '../../frameworks/builtin.shared.ts';
import { visibleQuestions } from '../../instruments/answers.ts';
import { builtinInstruments } from '../../instruments/builtin/cocreatie-in-beeld.ts';
import { type ResolvedInstrument, resolveInstrument } from '../../instruments/resolve.ts';
import { sampleAnswers } from '../../instruments/sample-answers.ts';
import { dependsOnPage, followUpHint } from './follow-ups.ts';
import { SectionPage, WelcomePage } from './pages.tsx';
import { blankPageKey, sectionPageHtml, welcomePageHtml } from './rendered-pages.tsx';

const resolved = builtinInstruments.map((definition) => {
  const result = resolveInstrument(definition, (key, version) => getBuiltinFramework(key, version));
  if (!result.ok) throw new Error('a built-in form does not resolve');
  return result.instrument;
});
const brand = { token: 'tok', organisationName: 'De Brug <GGZ> & "co"', styleVersion: 'abc', logo: null };

/** The props routes give a section page, for one state of the answers (as sectionPage in respondent-routes.tsx works them out). */
function sectionProps(instrument: ResolvedInstrument, index: number, lang: 'nl' | 'en', answers: Record<string, unknown>) {
  const section = instrument.sections[index];
  if (!section) throw new Error('no such section');
  const keys = new Set(section.questions.map((q) => q.key));
  const visible = new Set(visibleQuestions(instrument, answers).map((q) => q.key));
  const questions = section.questions.filter((q) => visible.has(q.key) || dependsOnPage(q, keys));
  return {
    lang,
    token: 'tok',
    brand,
    title: 'Een <titel> & meer',
    instrument,
    index,
    questions,
    answers,
    errors: new Map<string, string>(),
    followUps: new Map(questions.filter((q) => dependsOnPage(q, keys)).map((q) => [q.key, followUpHint(q, instrument, lang)])),
    hiddenFollowUps: new Set(questions.filter((q) => !visible.has(q.key)).map((q) => q.key)),
  };
}

const idA = '11111111-2222-4333-8444-555555555555';
const idB = '99999999-8888-4777-8666-555555555555';

describe('the respondent pages rendered once and kept', () => {
  it('are byte for byte what React renders for the whole page, blank, answered and with errors, in both languages', () => {
    let compared = 0;
    for (const instrument of resolved) {
      // One owner per instrument, as a link object is: its pages are kept under it.
      const owner = {};
      const answered = sampleAnswers(instrument);
      for (const lang of ['nl', 'en'] as const)
        for (let index = 0; index < instrument.sections.length; index++)
          // Blank first (kept), then answered (never kept), then blank again for another response (from what was kept).
          for (const answers of [{}, answered, {}, answered]) {
            const props = sectionProps(instrument, index, lang, answers);
            expect(sectionPageHtml(owner, props)).toBe(renderToStaticMarkup(createElement(SectionPage, props)));
            const firstKey = props.questions[0]?.key ?? '';
            const withError = { ...props, errors: new Map([[firstKey, 'Dit is <verplicht>']]) };
            expect(sectionPageHtml(owner, withError)).toBe(renderToStaticMarkup(createElement(SectionPage, withError)));
            compared += 2;
          }
    }
    // Two forms of 8 pages, two languages, four states, with and without an error.
    expect(compared).toBe(256);
  });

  it('keep no answer: a page shown blank after an answered one shows nothing of it', () => {
    const instrument = resolved[0] as ResolvedInstrument;
    const owner = {};
    const answered = sampleAnswers(instrument);
    const first = sectionProps(instrument, 0, 'nl', answered);
    const withAnswers = sectionPageHtml(owner, first);
    const blank = sectionPageHtml(owner, sectionProps(instrument, 0, 'nl', {}));
    expect(withAnswers).toContain('checked=""');
    expect(blank).not.toContain('checked=""');
    // The form posts to its own page's address, relative: no response id in the page.
    expect(blank).toContain('<form noValidate="" data-respondent="section" action="1" method="post">');
    expect(blank).toContain('<a href="1?lang=en" lang="en" hrefLang="en">');
  });

  it('name a key to keep a page whole under only when nothing of one respondent is in it', () => {
    const instrument = resolved[0] as ResolvedInstrument;
    const answered = sampleAnswers(instrument);
    const blank = sectionProps(instrument, 1, 'nl', {});
    expect(blankPageKey(blank)).toBe('nl|1|statuut|betaald|betaling_hoe-|opleiding|uren_per_week');
    expect(blankPageKey(sectionProps(instrument, 1, 'en', {}))).toBe('en|1|statuut|betaald|betaling_hoe-|opleiding|uren_per_week');
    // Answers on other pages do not make this one personal (here they show the hidden follow-up); one on this page does.
    const questions = ['statuut', 'betaald', 'betaling_hoe', 'opleiding', 'uren_per_week'];
    const otherPages = Object.fromEntries(Object.entries(answered).filter(([field]) => !questions.includes(field.split('.')[0] ?? field)));
    expect(blankPageKey(sectionProps(instrument, 1, 'nl', otherPages))).toBe('nl|1|statuut|betaald|betaling_hoe-|opleiding|uren_per_week');
    expect(blankPageKey(sectionProps(instrument, 1, 'nl', answered))).toBeUndefined();
    expect(blankPageKey(sectionProps(instrument, 1, 'nl', { statuut: 'x' }))).toBeUndefined();
    expect(blankPageKey({ ...blank, errors: new Map([['statuut', 'Dit is verplicht']]) })).toBeUndefined();
    expect(blankPageKey({ ...blank, followUpStep: { carried: {} } })).toBeUndefined();
    expect(blankPageKey({ ...blank, hiddenFollowUps: new Set(['statuut']) })).toBe('nl|1|statuut-|betaald|betaling_hoe|opleiding|uren_per_week');
  });

  it('give the welcome page as React renders it, with each response id in its place', () => {
    const owner = {};
    for (const lang of ['nl', 'en'] as const)
      for (const [responseId, error] of [
        [idA, undefined],
        [idB, undefined],
        [idA, 'Vink <dit> aan'],
      ] as const) {
        const props = {
          lang,
          token: 'tok',
          brand,
          title: 'Titel',
          intro: 'Intro & meer',
          organisationName: 'De Brug',
          teamName: null,
          statement: ['Eén', 'Twee'],
          consentVersion: 'v1',
          responseId,
          error,
        };
        const html = welcomePageHtml(owner, props);
        expect(html).toBe(renderToStaticMarkup(createElement(WelcomePage, props)));
        expect(html).toContain(`name="responseId" value="${responseId}"`);
      }
  });
});
