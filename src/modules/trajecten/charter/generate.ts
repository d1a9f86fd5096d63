import type { Language } from '../../../core/language.ts';
import { getBuiltinFramework } from '../../frameworks/builtin.ts';
import { equalPositionClusters, equalPositionQuestions } from '../equal-position.ts';
import { knowledgeMatrix } from '../matrix.ts';
import type { CharterSection } from '../model.ts';
import { type OpenPoint, openPoints, type SectionKey } from '../open-points.ts';
import { phaseOf, type TopicKey, topicOf } from '../phases.ts';
import type { TrajectoryState } from '../state.ts';

/**
 * The collaboration charter (samenwerkingskader), generated from what the team agreed: plain
 * language, Dutch or English, a section per phase plus the equal-position dialogue, with what is
 * still open listed as open. Pure: the same state gives the same text.
 */

const words = {
  nl: {
    intro: 'Over dit kader',
    introText: (team: string, title: string) =>
      `Dit samenwerkingskader is van ${team}. Het komt uit het traject "${title}". Iedereen in het team schreef mee, als evenwaardig lid, en iedereen ondertekent het.`,
    members: 'Wie meedoet:',
    equal: 'Een evenwaardige positie',
    who: 'Voor wie:',
    sector: 'Sector:',
    logics: "Logica's die we dienen:",
    owner: 'Eigenaar',
    review: 'herzien tegen',
    nobody: 'niemand',
    brings: 'Wat elk lid meebrengt:',
    experiential: 'ervaringskennis',
    professional: 'professionele kennis',
    other: 'andere kennis',
    nothing: 'nog niet ingevuld',
    gaps: 'Wat niemand in het team meebrengt:',
    noGaps: 'Er zijn geen gaten: elke soort kennis is er.',
    mandates: 'Statuut en mandaat van de ervaringswerkers:',
    status: 'statuut',
    mayDecide: 'mag beslissen',
    maySign: 'mag ondertekenen',
    roles: 'Rollen (wie neemt wat op):',
    hours: (h: number) => `${h} uur per week`,
    choices: 'Keuzes die we maakten:',
    considered: 'We bekeken:',
    chosen: 'We kozen:',
    because: 'Omdat:',
    support: 'Omkadering:',
    frequency: 'hoe vaak',
    byWhom: 'door',
    forWhom: 'voor',
    position: 'Ons standpunt:',
    views: 'Wat de leden zeiden:',
    checks: 'Teamcheck:',
    checkStart: 'bij de start: gedaan',
    checkEnd: 'op het einde: gedaan',
    notes: 'Nog open',
  },
  en: {
    intro: 'About this charter',
    introText: (team: string, title: string) =>
      `This collaboration charter belongs to ${team}. It comes from the trajectory "${title}". Everyone in the team wrote it, as an equal member, and everyone signs it.`,
    members: 'Who takes part:',
    equal: 'An equal position',
    who: 'For whom:',
    sector: 'Sector:',
    logics: 'Logics we serve:',
    owner: 'Owner',
    review: 'review by',
    nobody: 'nobody',
    brings: 'What each member brings:',
    experiential: 'experiential knowledge',
    professional: 'professional knowledge',
    other: 'other knowledge',
    nothing: 'not filled in yet',
    gaps: 'What nobody in the team brings:',
    noGaps: 'There are no gaps: every kind of knowledge is there.',
    mandates: 'Status and mandate of the experience workers:',
    status: 'status',
    mayDecide: 'may decide',
    maySign: 'may sign',
    roles: 'Roles (who takes what):',
    hours: (h: number) => `${h} hours a week`,
    choices: 'Choices we made:',
    considered: 'We considered:',
    chosen: 'We chose:',
    because: 'Because:',
    support: 'Support:',
    frequency: 'how often',
    byWhom: 'by',
    forWhom: 'for',
    position: 'Our position:',
    views: 'What the members said:',
    checks: 'Team check:',
    checkStart: 'at the start: done',
    checkEnd: 'at the end: done',
    notes: 'Still open',
  },
};

const label = (framework: string, key: string, lang: Language): string => getBuiltinFramework(framework)?.codes.find((c) => c.key === key)?.label[lang] ?? key;

/** The section titles, in charter order. */
export function sectionTitle(key: SectionKey | 'kader', lang: Language): string {
  if (key === 'kader') return words[lang].intro;
  if (key === 'evenwaardige_positie') return words[lang].equal;
  const phase = phaseOf(key);
  return `${phase.number}. ${phase.title[lang]}`;
}

export const charterSectionOrder: readonly (SectionKey | 'kader')[] = [
  'kader',
  'visie',
  'complementariteit',
  'vertaling',
  'evenwaardige_positie',
  'omkadering',
  'ervaringsdelen',
  'evaluatie',
];

export function generateCharter(state: TrajectoryState, lang: Language): CharterSection[] {
  const w = words[lang];
  const name = (userId: string | null) => state.members.find((m) => m.userId === userId)?.displayName ?? w.nobody;
  const open = openPoints(state, lang);
  const openOf = (section: SectionKey) => open.filter((p: OpenPoint) => p.section === section).map((p) => p.label);

  const agreementLines = (topic: TopicKey): string[] =>
    state.agreements.filter((a) => a.topic === topic && a.text.trim() !== '').flatMap((a) => [`${topicOf(topic).label[lang]}: ${a.text.trim()}`, ownerLine(a)]);
  const ownerLine = (a: { ownerUserId: string | null; reviewOn: string | null }) =>
    `(${w.owner}: ${name(a.ownerUserId)}${a.reviewOn ? `; ${w.review} ${a.reviewOn}` : ''}.)`;
  const list = (items: string[]) => items.map((i) => `- ${i}`);
  const paragraph = (lines: (string | false | null | undefined)[]) => lines.filter((l): l is string => typeof l === 'string' && l !== '').join('\n');

  const sections: CharterSection[] = [];
  const push = (key: SectionKey | 'kader', lines: (string | false | null | undefined)[]) =>
    sections.push({ key, title: sectionTitle(key, lang), body: paragraph(lines), open: key === 'kader' ? [] : openOf(key) });

  push('kader', [
    w.introText(state.teamName, state.title),
    w.members,
    ...list(state.members.map((m) => `${m.displayName} (${label('team_positions', m.position, lang).toLowerCase()})`)),
  ]);

  push('visie', [
    state.context.who.trim() && `${w.who} ${state.context.who.trim()}`,
    state.context.sector && `${w.sector} ${label('sectors', state.context.sector, lang)}`,
    state.context.logics.length > 0 && `${w.logics} ${state.context.logics.map((l) => label('logics', l, lang)).join('; ')}`,
    ...agreementLines('visie'),
  ]);

  const matrix = knowledgeMatrix(state);
  const columnLabel = (column: string) =>
    column === 'professioneel'
      ? w.professional
      : column === 'ander'
        ? w.other
        : `${w.experiential} (${label('knowledge_positions', column, lang).toLowerCase()})`;
  push('complementariteit', [
    state.contributions.length > 0 && w.brings,
    ...list(
      state.members
        .map((m) => ({ m, c: state.contributions.find((c) => c.userId === m.userId) }))
        .filter(({ c }) => c !== undefined)
        .map(({ m, c }) => {
          const parts = [
            c?.experiential
              ? `${w.experiential}${c.positions.length ? ` (${c.positions.map((p) => label('knowledge_positions', p, lang).toLowerCase()).join(', ')})` : ''}${c.experientialNote ? `: ${c.experientialNote}` : ''}`
              : null,
            c?.professional ? `${w.professional}${c.professionalNote ? `: ${c.professionalNote}` : ''}` : null,
            c?.otherNote ? `${w.other}: ${c.otherNote}` : null,
          ].filter(Boolean);
          return `${m.displayName}: ${parts.length ? parts.join('; ') : w.nothing}`;
        }),
    ),
    state.contributions.length > 0 && (matrix.gaps.length ? `${w.gaps} ${matrix.gaps.map(columnLabel).join(', ')}.` : w.noGaps),
    ...agreementLines('complementariteit'),
  ]);

  const roleCodes = (getBuiltinFramework('roles')?.codes ?? []).filter((c) => !c.exclusive);
  const experienceWorkers = state.members.filter((m) => m.position === 'experience_worker');
  const mandates = experienceWorkers
    .map((m) => ({ m, mandate: state.mandates.find((x) => x.userId === m.userId) }))
    .filter(({ mandate }) => mandate !== undefined);
  const choices = state.agreements.filter((a) => a.topic === 'keuze');
  push('vertaling', [
    ...agreementLines('wederzijdse_afstemming'),
    ...agreementLines('statuut_mandaat'),
    mandates.length > 0 && w.mandates,
    ...list(
      mandates.map(({ m, mandate }) =>
        [
          m.displayName,
          `${w.status}: ${mandate?.statuses.map((s) => label('status', s, lang).toLowerCase()).join(', ') || w.nothing}`,
          mandate?.mayDecide ? `${w.mayDecide}: ${mandate.mayDecide}` : null,
          mandate?.maySign ? `${w.maySign}: ${mandate.maySign}` : null,
        ]
          .filter(Boolean)
          .join('; '),
      ),
    ),
    state.roles.length > 0 && w.roles,
    ...(state.roles.length > 0
      ? list(
          roleCodes.map((role) => {
            const takers = state.roles.filter((r) => r.roleKey === role.key);
            const who = takers.length
              ? takers.map((r) => `${name(r.userId)}${r.hoursPerWeek !== null ? ` (${w.hours(r.hoursPerWeek)})` : ''}`).join(', ')
              : w.nobody;
            return `${role.label[lang]}: ${who}`;
          }),
        )
      : []),
    ...agreementLines('functies_taken_rollen'),
    choices.length > 0 && w.choices,
    ...choices.flatMap((c) => [
      `- ${c.title.trim() || c.text.trim()}`,
      c.options.length > 0 && `  ${w.considered} ${c.options.join('; ')}.`,
      `  ${w.chosen} ${c.text.trim()}`,
      c.reason.trim() && `  ${w.because} ${c.reason.trim()}`,
      `  ${ownerLine(c)}`,
    ]),
  ]);

  push(
    'evenwaardige_positie',
    equalPositionClusters.flatMap((cluster) => {
      const questions = equalPositionQuestions.filter((q) => q.cluster === cluster.key);
      const discussed = questions.filter((q) => state.equalPositions.some((p) => p.key === q.key) || state.equalViews.some((v) => v.key === q.key));
      if (discussed.length === 0) return [];
      return [
        cluster.title[lang],
        ...discussed.flatMap((q) => {
          const position = state.equalPositions.find((p) => p.key === q.key);
          const views = state.equalViews.filter((v) => v.key === q.key);
          return [
            `- ${q.text[lang]}`,
            position && `  ${w.position} ${position.position.trim()} ${w.because} ${position.reason.trim()}`,
            views.length > 0 && `  ${w.views}`,
            ...views.map((v) => `  - ${name(v.userId)}: ${v.view.trim()}`),
          ];
        }),
      ];
    }),
  );

  push('omkadering', [
    state.support.length > 0 && w.support,
    ...list(state.support.map((s) => `${label('support', s.kind, lang)}: ${w.frequency} ${s.frequency}; ${w.byWhom} ${s.byWhom}; ${w.forWhom} ${s.forWhom}`)),
    ...agreementLines('omkadering'),
    ...agreementLines('kritische_functie'),
  ]);

  push('ervaringsdelen', [...agreementLines('momenten'), ...agreementLines('vormen'), ...agreementLines('terugkoppeling')]);

  push('evaluatie', [
    state.checks.length > 0 &&
      `${w.checks} ${[state.checks.some((c) => c.moment === 'start') && w.checkStart, state.checks.some((c) => c.moment === 'end') && w.checkEnd].filter(Boolean).join('; ')}.`,
    ...agreementLines('evaluatie'),
  ]);
  return sections;
}

/** The label for the list of open points in a section. */
export const openHeading = (lang: Language): string => words[lang].notes;
