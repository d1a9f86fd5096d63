import { dayInWords } from '../../../core/dates.ts';
import type { Language } from '../../../core/language.ts';
import { getBuiltinFramework } from '../../frameworks/builtin.shared.ts';
import { dialogueClusters, dialogueQuestions } from '../equal-position.shared.ts';
import { knowledgeMatrix } from '../matrix.ts';
import type { CharterSection } from '../model.ts';
import { type OpenPoint, openPoints, type SectionKey } from '../open-points.ts';
import { phaseOf, type TopicKey, topicOf } from '../phases.shared.ts';
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
    members: (list: string) => `In het team zitten ${list}.`,
    equal: 'Een evenwaardige positie',
    who: (who: string) => `We werken voor ${who}`,
    sector: (sector: string) => `Ons werk hoort bij de sector ${sector}.`,
    logics: (count: number, list: string) => (count === 1 ? `We dienen de logica van ${list}.` : `We dienen de logica's van ${list}.`),
    owner: (name: string) => `${name} bewaakt deze afspraak`,
    noOwner: 'Deze afspraak heeft nog niemand die ze bewaakt',
    review: (date: string) => `we bekijken ze opnieuw tegen ${date}`,
    nobody: 'niemand',
    brings: (name: string, list: string) => `${name} brengt ${list} mee.`,
    bringsNothing: (name: string) => `Welke kennis ${name} meebrengt, staat er nog niet.`,
    experiential: 'ervaringskennis',
    fromPositions: (list: string) => `vanuit ${list}`,
    professional: 'professionele kennis',
    other: 'andere kennis',
    nothing: 'nog niet ingevuld',
    gaps: (list: string) => `Niemand in het team brengt ${list} mee.`,
    noGaps: 'Elke soort kennis is er in het team.',
    status: (name: string, list: string) => `${name} werkt als ${list}.`,
    noStatusAtAll: (name: string) => `${name} heeft geen statuut.`,
    noStatus: (name: string) => `Het statuut van ${name} is nog niet ingevuld.`,
    mayDecide: (name: string, what: string) => `${name} mag zelf beslissen over: ${what}`,
    maySign: (name: string, what: string) => `${name} mag ondertekenen: ${what}`,
    takesRole: (names: string, count: number, role: string) => `${names} ${count === 1 ? 'neemt' : 'nemen'} de rol ${role} op.`,
    noTakers: (list: string) => `Deze rollen neemt niemand op: ${list}.`,
    informal: (name: string, what: string) => `Het informele mandaat van ${name}: ${what}`,
    hours: (h: number) => `${h} uur per week`,
    considered: (list: string) => `We bekeken deze mogelijkheden: ${list}.`,
    chosen: (text: string) => `We kozen: ${text}`,
    because: (text: string) => `De reden: ${text}`,
    support: (kind: string, details: string) => `${kind}: ${details}`,
    frequency: (text: string) => text,
    byWhom: (text: string) => `door ${text}`,
    forWhom: (text: string) => `voor ${text}`,
    position: (text: string) => `Ons standpunt: ${text}`,
    views: 'Wat de leden zeiden:',
    checks: (list: string) => `We deden de teamcheck ${list}.`,
    checkStart: 'bij de start',
    checkEnd: 'op het einde',
    notes: 'Nog open',
  },
  en: {
    intro: 'About this charter',
    introText: (team: string, title: string) =>
      `This collaboration charter belongs to ${team}. It comes from the trajectory "${title}". Everyone in the team wrote it, as an equal member, and everyone signs it.`,
    members: (list: string) => `The team is ${list}.`,
    equal: 'An equal position',
    who: (who: string) => `We work for ${who}`,
    sector: (sector: string) => `Our work belongs to the sector ${sector}.`,
    logics: (count: number, list: string) => (count === 1 ? `We serve the logic of ${list}.` : `We serve the logics of ${list}.`),
    owner: (name: string) => `${name} looks after this agreement`,
    noOwner: 'Nobody looks after this agreement yet',
    review: (date: string) => `we look at it again by ${date}`,
    nobody: 'nobody',
    brings: (name: string, list: string) => `${name} brings ${list}.`,
    bringsNothing: (name: string) => `What knowledge ${name} brings is not written down yet.`,
    experiential: 'experiential knowledge',
    fromPositions: (list: string) => `from ${list}`,
    professional: 'professional knowledge',
    other: 'other knowledge',
    nothing: 'not filled in yet',
    gaps: (list: string) => `Nobody in the team brings ${list}.`,
    noGaps: 'Every kind of knowledge is there in the team.',
    status: (name: string, list: string) => `${name} works as: ${list}.`,
    noStatusAtAll: (name: string) => `${name} has no status.`,
    noStatus: (name: string) => `The status of ${name} is not filled in yet.`,
    mayDecide: (name: string, what: string) => `${name} may decide on: ${what}`,
    maySign: (name: string, what: string) => `${name} may sign: ${what}`,
    takesRole: (names: string, _count: number, role: string) => `${names} take${_count === 1 ? 's' : ''} the role of ${role}.`,
    noTakers: (list: string) => `Nobody takes these roles: ${list}.`,
    informal: (name: string, what: string) => `The informal mandate of ${name}: ${what}`,
    hours: (h: number) => `${h} hours a week`,
    considered: (list: string) => `We looked at these options: ${list}.`,
    chosen: (text: string) => `We chose: ${text}`,
    because: (text: string) => `The reason: ${text}`,
    support: (kind: string, details: string) => `${kind}: ${details}`,
    frequency: (text: string) => text,
    byWhom: (text: string) => `by ${text}`,
    forWhom: (text: string) => `for ${text}`,
    position: (text: string) => `Our position: ${text}`,
    views: 'What the members said:',
    checks: (list: string) => `We did the team check ${list}.`,
    checkStart: 'at the start',
    checkEnd: 'at the end',
    notes: 'Still open',
  },
};

/** "a, b en c" / "a, b and c". */
const listOf = (items: string[], lang: Language, type: 'conjunction' | 'disjunction' = 'conjunction'): string =>
  new Intl.ListFormat(lang === 'nl' ? 'nl' : 'en-GB', { style: 'long', type }).format(items);

/** What people typed, ended as a sentence: "Gelijk werk, gelijk loon" → "Gelijk werk, gelijk loon." */
const sentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** A label inside a sentence: "Brugfiguur" → "brugfiguur", but "AA" stays. */
const inSentence = (label: string): string => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

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

  const stewardship = (a: { ownerUserId: string | null; reviewOn: string | null }) => {
    const owner = a.ownerUserId && state.members.some((m) => m.userId === a.ownerUserId) ? w.owner(name(a.ownerUserId)) : w.noOwner;
    return `${owner}${a.reviewOn ? `; ${w.review(dayInWords(a.reviewOn, lang))}` : ''}.`;
  };
  const agreementLines = (topic: TopicKey): string[] =>
    state.agreements
      .filter((a) => a.topic === topic && a.text.trim() !== '')
      .map((a) => `${topicOf(topic).label[lang]}: ${sentence(a.text)} ${stewardship(a)}`);
  const paragraph = (lines: (string | false | null | undefined)[]) => lines.filter((l): l is string => typeof l === 'string' && l !== '').join('\n');

  const sections: CharterSection[] = [];
  const push = (key: SectionKey | 'kader', lines: (string | false | null | undefined)[]) =>
    sections.push({ key, title: sectionTitle(key, lang), body: paragraph(lines), open: key === 'kader' ? [] : openOf(key) });

  push('kader', [
    w.introText(state.teamName, state.title),
    state.members.length > 0 &&
      w.members(
        listOf(
          state.members.map((m) => `${m.displayName} (${label('team_positions', m.position, lang).toLowerCase()})`),
          lang,
        ),
      ),
  ]);

  const who = state.context.who.trim();
  push('visie', [
    who && sentence(w.who(inSentence(who))),
    state.context.sector && w.sector(inSentence(label('sectors', state.context.sector, lang))),
    state.context.logics.length > 0 &&
      w.logics(
        state.context.logics.length,
        listOf(
          state.context.logics.map((l) => inSentence(label('logics', l, lang))),
          lang,
        ),
      ),
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
    ...state.members
      .map((m) => ({ m, c: state.contributions.find((c) => c.userId === m.userId) }))
      .filter(({ c }) => c !== undefined)
      .map(({ m, c }) => {
        const note = (text: string | undefined) => (text?.trim() ? ` (${text.trim()})` : '');
        const parts = [
          c?.experiential
            ? `${w.experiential}${
                c.positions.length
                  ? ` ${w.fromPositions(
                      listOf(
                        c.positions.map((p) => label('knowledge_positions', p, lang).toLowerCase()),
                        lang,
                      ),
                    )}`
                  : ''
              }${note(c.experientialNote)}`
            : null,
          c?.professional ? `${w.professional}${note(c.professionalNote)}` : null,
          c?.otherNote?.trim() ? `${w.other}${note(c.otherNote)}` : null,
        ].filter((p): p is string => p !== null);
        return parts.length ? w.brings(m.displayName, listOf(parts, lang)) : w.bringsNothing(m.displayName);
      }),
    state.contributions.length > 0 && (matrix.gaps.length ? w.gaps(listOf(matrix.gaps.map(columnLabel), lang, 'disjunction')) : w.noGaps),
    ...agreementLines('complementariteit'),
  ]);

  const roleCodes = (getBuiltinFramework('roles')?.codes ?? []).filter((c) => !c.exclusive);
  const experienceWorkers = state.members.filter((m) => m.position === 'experience_worker');
  const mandates = experienceWorkers
    .map((m) => ({ m, mandate: state.mandates.find((x) => x.userId === m.userId) }))
    .filter(({ mandate }) => mandate !== undefined);
  const statusSentence = (who: string, statuses: string[]) => {
    const held = statuses.filter((s) => s !== 'geen_statuut');
    if (held.length > 0)
      return w.status(
        who,
        listOf(
          held.map((s) => label('status', s, lang).toLowerCase()),
          lang,
        ),
      );
    return statuses.length > 0 ? w.noStatusAtAll(who) : w.noStatus(who);
  };
  const choices = state.agreements.filter((a) => a.topic === 'keuze');
  const taken = roleCodes.filter((role) => state.roles.some((r) => r.roleKey === role.key));
  const untaken = roleCodes.filter((role) => !state.roles.some((r) => r.roleKey === role.key));
  push('vertaling', [
    ...agreementLines('wederzijdse_afstemming'),
    ...agreementLines('statuut_mandaat'),
    ...mandates.map(({ m, mandate }) =>
      [
        statusSentence(m.displayName, mandate?.statuses ?? []),
        mandate?.mayDecide.trim() ? sentence(w.mayDecide(m.displayName, mandate.mayDecide.trim())) : null,
        mandate?.maySign.trim() ? sentence(w.maySign(m.displayName, mandate.maySign.trim())) : null,
        mandate?.informal?.trim() ? sentence(w.informal(m.displayName, mandate.informal.trim())) : null,
      ]
        .filter(Boolean)
        .join(' '),
    ),
    ...taken.map((role) => {
      const takers = state.roles.filter((r) => r.roleKey === role.key);
      const roleName = inSentence(role.label[lang]);
      const [only] = takers;
      if (takers.length === 1 && only) {
        const taking = w.takesRole(name(only.userId), 1, roleName);
        return only.hoursPerWeek === null ? taking : `${taking.slice(0, -1)}, ${w.hours(only.hoursPerWeek)}.`;
      }
      const names = listOf(
        takers.map((r) => `${name(r.userId)}${r.hoursPerWeek !== null ? ` (${w.hours(r.hoursPerWeek)})` : ''}`),
        lang,
      );
      return w.takesRole(names, takers.length, roleName);
    }),
    state.roles.length > 0 &&
      untaken.length > 0 &&
      w.noTakers(
        listOf(
          untaken.map((role) => inSentence(role.label[lang])),
          lang,
        ),
      ),
    ...agreementLines('functies_taken_rollen'),
    ...choices.flatMap((c) => [
      c.title.trim() ? sentence(c.title) : null,
      [
        c.options.length > 0 ? w.considered(c.options.map((o) => o.trim()).join(', ')) : null,
        sentence(w.chosen(c.text.trim())),
        c.reason.trim() ? sentence(w.because(c.reason.trim())) : null,
        stewardship(c),
      ]
        .filter(Boolean)
        .join(' '),
    ]),
  ]);

  push(
    'evenwaardige_positie',
    dialogueClusters.flatMap((cluster) => {
      const questions = dialogueQuestions.filter((q) => q.cluster === cluster.key);
      const discussed = questions.filter((q) => state.equalPositions.some((p) => p.key === q.key) || state.equalViews.some((v) => v.key === q.key));
      if (discussed.length === 0) return [];
      return [
        cluster.title[lang],
        ...discussed.flatMap((q) => {
          const position = state.equalPositions.find((p) => p.key === q.key);
          const views = state.equalViews.filter((v) => v.key === q.key);
          return [
            `- ${q.text[lang]}`,
            position &&
              `  ${[sentence(w.position(position.position.trim())), position.reason.trim() ? sentence(w.because(position.reason.trim())) : null].filter(Boolean).join(' ')}`,
            views.length > 0 && `  ${w.views}`,
            ...views.map((v) => `  - ${name(v.userId)}: ${sentence(v.view)}`),
          ];
        }),
      ];
    }),
  );

  push('omkadering', [
    ...state.support.map((s) =>
      sentence(
        w.support(
          label('support', s.kind, lang),
          [s.frequency.trim() && w.frequency(s.frequency.trim()), s.byWhom.trim() && w.byWhom(s.byWhom.trim()), s.forWhom.trim() && w.forWhom(s.forWhom.trim())]
            .filter(Boolean)
            .join(', '),
        ),
      ),
    ),
    ...agreementLines('omkadering'),
    ...agreementLines('kritische_functie'),
  ]);

  push('ervaringsdelen', [...agreementLines('momenten'), ...agreementLines('vormen'), ...agreementLines('terugkoppeling')]);

  const checked = [state.checks.some((c) => c.moment === 'start') && w.checkStart, state.checks.some((c) => c.moment === 'end') && w.checkEnd].filter(
    (x): x is string => typeof x === 'string',
  );
  push('evaluatie', [checked.length > 0 && w.checks(listOf(checked, lang)), ...agreementLines('evaluatie')]);
  return sections;
}

/** The label for the list of open points in a section. */
export const openHeading = (lang: Language): string => words[lang].notes;
