import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { LocalisedText } from '../frameworks/model.ts';
import { agree } from '../instruments/builtin/scales.ts';
import { teamCheck } from '../instruments/builtin/team-check.ts';
import { equalPositionClusters } from '../trajecten/equal-position.shared.ts';
import type { PromptInput, PromptOption } from './model.ts';

/**
 * The prompt library: prompts built from the frameworks and the built-in instruments (data, not
 * copied text), so a prompt's options are the same codes the survey and the coding use.
 */

const t = (nl: string, en: string): LocalisedText => ({ nl, en });

function frameworkOptions(key: string): PromptOption[] {
  const framework = getBuiltinFramework(key);
  if (!framework) throw new Error(`built-in framework ${key} is missing`);
  return framework.codes.map((c) => ({ key: c.key, label: { nl: c.label.nl, en: c.label.en } }));
}

const scaleOptions: PromptOption[] = agree.map((p) => ({ key: String(p.value), label: { nl: p.label.nl, en: p.label.en } }));

function teamCheckItems(): { key: string; text: LocalisedText }[] {
  const matrix = teamCheck.sections[0]?.questions.find((q) => q.type === 'matrix');
  if (matrix?.type !== 'matrix' || !Array.isArray(matrix.items)) throw new Error('the team check has no statements');
  return matrix.items.map((item) => ({ key: item.key, text: { nl: item.text.nl, en: item.text.en } }));
}

type Entry = { key: string; group: LocalisedText; prompt: PromptInput };

function frameworkCodes(key: string) {
  const framework = getBuiltinFramework(key);
  if (!framework) throw new Error(`built-in framework ${key} is missing`);
  return framework.codes;
}

/** One prompt per glossary entry: the room says whether the seed's definition fits their practice. */
const conceptPrompts = (): Entry[] =>
  frameworkCodes('central_concepts').map((c) => ({
    key: `concept_${c.key}`,
    group: t('Begrippen uit het onderzoek', 'Concepts from the research'),
    prompt: {
      kind: 'agree' as const,
      text: t(`${c.label.nl}: ${c.definition.nl}`, `${c.label.en}: ${c.definition.en}`),
      settings: { source: `framework:central_concepts:${c.key}` },
    },
  }));

/** The central discussions, each as an open question for the room (the definition is the question). */
const discussionPrompts = (): Entry[] =>
  frameworkCodes('central_discussions').map((c) => ({
    key: `discussion_${c.key}`,
    group: t('Centrale discussies', 'Central discussions'),
    prompt: { kind: 'open_text' as const, text: c.definition, settings: { source: `framework:central_discussions:${c.key}` } },
  }));

function entries(): Entry[] {
  const seed = t('Uit het onderzoek', 'From the research');
  return [
    {
      key: 'why_important',
      group: seed,
      prompt: { kind: 'open_text', text: t('Waarom is ervaringskennis belangrijk, voor jou?', 'Why does experiential knowledge matter, to you?') },
    },
    {
      key: 'logics',
      group: seed,
      prompt: {
        kind: 'ranking',
        text: t(
          'Welk doel van ervaringswerk komt voor jou eerst? Zet ze in volgorde.',
          'Which purpose of experience work comes first for you? Put them in order.',
        ),
        options: frameworkOptions('logics'),
        settings: { source: 'framework:logics' },
      },
    },
    {
      key: 'roles',
      group: seed,
      prompt: {
        kind: 'multiple',
        text: t('Welke rol nemen of dienen ervaringswerkers op te nemen?', 'Which role do experience workers take on, or should they take on?'),
        options: frameworkOptions('roles'),
        settings: { source: 'framework:roles', linkedQuestion: { instrumentKey: 'cocreatie-ervaringswerkers', questionKey: 'rollen' } },
      },
    },
    {
      key: 'equal_position',
      group: seed,
      prompt: {
        kind: 'multiple',
        text: t('Een evenwaardige positie voor ervaringsdeskundigen betekent:', 'An equal position for experience experts means:'),
        options: equalPositionClusters.map((c) => ({ key: c.key, label: { nl: c.title.nl, en: c.title.en } })),
        settings: { source: 'equal_position' },
      },
    },
    {
      key: 'central_discussions',
      group: seed,
      prompt: {
        kind: 'ranking',
        text: t('Wat zijn nu centrale discussies? Zet de belangrijkste eerst.', 'What are the central discussions now? Put the most important first.'),
        options: frameworkOptions('central_discussions'),
        settings: { source: 'framework:central_discussions' },
      },
    },
    {
      key: 'marks',
      group: seed,
      prompt: {
        kind: 'multiple',
        text: t('Welke kenmerken van ervaringskennis zie je in je werk?', 'Which marks of experiential knowledge do you see in your work?'),
        options: frameworkOptions('experiential_knowledge_marks'),
        settings: { source: 'framework:experiential_knowledge_marks' },
      },
    },
    {
      key: 'historical_roots',
      group: seed,
      prompt: {
        kind: 'multiple',
        text: t('Welke wortels van ervaringsdeskundigheid herken je in jullie werk?', 'Which roots of experiential expertise do you recognise in your work?'),
        options: frameworkOptions('historical_roots'),
        settings: { source: 'framework:historical_roots' },
      },
    },
    {
      key: 'media_opportunities',
      group: seed,
      prompt: {
        kind: 'multiple',
        text: t('Wat kan het opleveren als ervaringsdeskundigen in de media vertellen?', 'What can it bring when experience experts speak in the media?'),
        options: frameworkOptions('media_opportunities'),
        settings: { source: 'framework:media_opportunities' },
      },
    },
    {
      key: 'media_risks',
      group: seed,
      prompt: {
        kind: 'multiple',
        text: t('Op welke risico’s van de media letten jullie?', 'Which risks of the media do you watch for?'),
        options: frameworkOptions('media_risks'),
        settings: { source: 'framework:media_risks' },
      },
    },
    {
      key: 'experience_work',
      group: seed,
      prompt: { kind: 'word_cloud', text: t('Ervaringswerk = ? Geef één tot drie woorden.', 'Experience work = ? Give one to three words.') },
    },
    ...conceptPrompts(),
    ...discussionPrompts(),
    ...equalPositionClusters.map((c) => ({
      key: `equal_position_${c.key}`,
      group: t('Evenwaardige positie', 'Equal position'),
      prompt: {
        kind: 'agree' as const,
        text: t(
          `Een evenwaardige positie betekent: ${c.title.nl.replace('?', '').toLowerCase()}.`,
          `An equal position means: ${c.title.en.replace('?', '').toLowerCase()}.`,
        ),
        settings: { source: `equal_position:${c.key}` },
      },
    })),
    ...teamCheckItems().map((item) => ({
      key: `team_check_${item.key}`,
      group: t('Ervaringswerk = … (teamcheck)', 'Experience work = … (team check)'),
      prompt: { kind: 'scale' as const, text: item.text, options: scaleOptions, settings: { source: `teamcheck:${item.key}` } },
    })),
    { key: 'questions', group: t('Vragen', 'Questions'), prompt: { kind: 'qa', text: t('Welke vraag wil je stellen?', 'What would you like to ask?') } },
  ];
}

export const agreeOptions: PromptOption[] = [
  { key: 'agree', label: { nl: 'Akkoord', en: 'Agree' } },
  { key: 'disagree', label: { nl: 'Niet akkoord', en: 'Disagree' } },
  { key: 'pass', label: { nl: 'Ik pas', en: 'Pass' } },
];

let cached: Entry[] | undefined;
export function promptLibrary(): readonly Entry[] {
  cached ??= entries();
  return cached;
}

export function libraryPrompt(key: string): PromptInput | undefined {
  return promptLibrary().find((e) => e.key === key)?.prompt;
}

/** "De ontmoeting": what the research meeting asked, in its order, and room for questions. */
export const ONTMOETING_TEMPLATE = ['why_important', 'logics', 'roles', 'equal_position', 'central_discussions', 'experience_work', 'questions'] as const;
