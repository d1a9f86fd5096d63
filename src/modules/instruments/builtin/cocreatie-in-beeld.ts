import type { InstrumentDefinition, LocalisedText, Question, Section } from '../definition.ts';
import { agree, attention, dontKnow, importance, somethingElse, t } from './scales.ts';

/**
 * "Cocreatie in beeld": the survey of the practice research, in two forms that share their common
 * questions under the same keys, so the answers of experience workers and professionals can be set
 * side by side. Only the wording differs where the perspective differs. The three items the seed
 * prints (roles, status, training) keep its wording and categories; the rest is built from the
 * seed's slides (the equal-position questions, the three logics, support, the central discussions).
 * Plain Dutch at B1 level: short sentences, everyday words, "je".
 */

type Perspective = 'ervaringswerkers' | 'professionals';
/** The same question key in both forms; the text follows the reader's perspective. */
const per = (p: Perspective, ew: LocalisedText, pro: LocalisedText): LocalisedText => (p === 'ervaringswerkers' ? ew : pro);

const sector: Question = {
  key: 'sector',
  type: 'single',
  text: t('In welke sector werk je vooral?', 'In which sector do you mainly work?'),
  required: true,
  options: { framework: 'sectors', version: 1 },
};
const sectorOther: Question = {
  key: 'sector_anders',
  type: 'short_text',
  text: t('In welke andere sector werk je?', 'In which other sector do you work?'),
  required: false,
  maxLength: 200,
  showIf: { question: 'sector', equals: 'other' },
};
const organisationType: Question = {
  key: 'organisatietype',
  type: 'single',
  text: t('Wat voor organisatie is het?', 'What kind of organisation is it?'),
  help: t('Kies wat het best past.', 'Choose what fits best.'),
  required: true,
  options: [
    {
      key: 'residentieel',
      label: t('Een voorziening waar mensen verblijven, zoals een ziekenhuis of een leefgroep', 'A residential service, such as a hospital or a group home'),
    },
    { key: 'ambulant', label: t('Een dienst waar mensen naartoe gaan of die bij mensen thuis komt', 'A service people visit, or that visits people at home') },
    { key: 'welzijn', label: t('Een welzijnsorganisatie, zoals een CAW', 'A welfare organisation, such as a general welfare centre (CAW)') },
    {
      key: 'ervaringsorganisatie',
      label: t(
        'Een organisatie van ervaringsdeskundigen of cliënten, zoals een zelfhulpgroep',
        'An organisation of experience experts or clients, such as a self-help group',
      ),
    },
    { key: 'overheid', label: t('Een overheid, zoals een OCMW, stad of gemeente', 'A government body, such as a public social welfare centre or a city') },
    { key: 'opleiding_onderzoek', label: t('Een school, opleiding of onderzoeksgroep', 'A school, training provider or research group') },
  ],
  other: somethingElse,
};

const paid = (p: Perspective): Question => ({
  key: 'betaald',
  type: 'single',
  text: per(
    p,
    t('Word je betaald voor je werk als ervaringswerker?', 'Are you paid for your work as an experience worker?'),
    t('Worden de ervaringswerkers in je organisatie betaald?', 'Are the experience workers in your organisation paid?'),
  ),
  required: true,
  options: [
    { key: 'ja', label: t('Ja', 'Yes') },
    { key: 'nee', label: t('Nee', 'No') },
    { key: 'soms', label: t('Soms, of voor een deel', 'Sometimes, or partly') },
    ...(p === 'professionals' ? [{ key: 'weet_niet', label: t('Ik weet het niet', "I don't know") }] : []),
  ],
  ...(p === 'professionals' ? { showIf: { question: 'samenwerking_ervaringswerkers', anyOf: ['in_team', 'in_organisatie'] } } : {}),
});
const paidHow = (p: Perspective): Question => ({
  key: 'betaling_hoe',
  type: 'multiple',
  text: per(p, t('Hoe word je betaald?', 'How are you paid?'), t('Hoe worden zij betaald?', 'How are they paid?')),
  help: t('Kies alles wat past.', 'Choose everything that applies.'),
  required: true,
  showIf: { question: 'betaald', anyOf: ['ja', 'soms'] },
  options: [
    { key: 'loon', label: t('Een loon, met een arbeidscontract', 'A wage, with an employment contract') },
    { key: 'vrijwilligersvergoeding', label: t('Een vrijwilligersvergoeding', 'A volunteer allowance') },
    { key: 'factuur', label: t('Een factuur, als zelfstandige', 'An invoice, as a self-employed person') },
    { key: 'per_opdracht', label: t('Een vergoeding per opdracht of activiteit', 'A fee per assignment or activity') },
  ],
  other: somethingElse,
});

const roles: Question = {
  key: 'rollen',
  type: 'multiple',
  text: t('Welke rol nemen of dienen ervaringswerkers op te nemen?', 'Which role do experience workers take on, or should they take on?'),
  help: t(
    'Kies alle rollen die passen. Kies ‘Geen specifieke rol’ alleen als geen enkele rol past.',
    'Choose every role that fits. Choose ‘No specific role’ only if no role fits.',
  ),
  required: true,
  options: { framework: 'roles', version: 1, exclusive: ['geen_specifieke_rol'] },
};

const equalPositionItems: [key: string, nl: string, en: string][] = [
  ['betaald_worden', 'Een evenwaardige positie betekent: betaald worden.', 'An equal position means: being paid.'],
  [
    'hetzelfde_werk',
    'Een evenwaardige positie betekent: hetzelfde werk doen als professionals.',
    'An equal position means: doing the same work as professionals.',
  ],
  ['opleiding_gevolgd', 'Een evenwaardige positie betekent: een opleiding gevolgd hebben.', 'An equal position means: having completed a training.'],
  [
    'verloning_volgens_functie',
    'Ervaringswerkers moeten betaald worden volgens hun functie, niet volgens hun diploma.',
    'Experience workers should be paid according to their job, not their diploma.',
  ],
  [
    'levenservaring_als_ancienniteit',
    'Levenservaring moet meetellen als anciënniteit, net als jaren werkervaring.',
    'Life experience should count as seniority, just like years of work experience.',
  ],
  ['betaald_als_erkenning', 'Betaald worden is de beste vorm van erkenning.', 'Being paid is the best form of recognition.'],
  ['arbeidsintegratie', 'Ervaringswerk is een goede weg naar betaald werk.', 'Experience work is a good route into paid work.'],
  ['vrijwillig_vs_betaald', 'Vrijwillig en betaald ervaringswerk zijn evenveel waard.', 'Voluntary and paid experience work are worth the same.'],
  [
    'goedkope_arbeidskrachten',
    'Er is een risico dat organisaties ervaringswerkers gebruiken als goedkope arbeidskrachten.',
    'There is a risk that organisations use experience workers as cheap labour.',
  ],
  [
    'statuut_en_mandaat',
    'Ervaringswerkers hebben een duidelijk statuut en mandaat nodig, op papier en in de praktijk.',
    'Experience workers need a clear status and mandate, on paper and in practice.',
  ],
  [
    'eigen_discipline',
    'Ervaringsdeskundigheid is een eigen discipline, naast de andere disciplines.',
    'Experiential expertise is a discipline of its own, next to the others.',
  ],
  [
    'hierarchie_ervaringen',
    'Er bestaat een hiërarchie tussen ervaringen: de ervaring van de ene persoon telt meer dan die van de andere.',
    "There is a hierarchy between experiences: one person's experience counts for more than another's.",
  ],
  ['deskundig_zonder_opleiding', 'Je kan deskundig worden zonder een opleiding te volgen.', 'You can become an expert without following a training.'],
  [
    'opleidingen_toegankelijk',
    'Opleidingen voor ervaringswerk zijn toegankelijk voor iedereen die dat wil.',
    'Training in experience work is open to everyone who wants it.',
  ],
  [
    'elitegroep',
    'Door opleidingen ontstaat een kleine groep ‘erkende’ ervaringsdeskundigen, en andere stemmen verdwijnen.',
    'Training creates a small group of ‘recognised’ experience experts, and other voices disappear.',
  ],
];

const equalPosition: Question = {
  key: 'evenwaardige_positie',
  type: 'matrix',
  text: t('Hoe akkoord ben je met deze uitspraken?', 'How much do you agree with these statements?'),
  help: t('Er zijn geen goede of foute antwoorden. Het gaat om wat jij denkt.', 'There are no right or wrong answers. It is about what you think.'),
  required: false,
  items: equalPositionItems.map(([key, nl, en]) => ({ key, text: t(nl, en) })),
  points: agree,
  noOpinion: dontKnow,
};

const logics: Question = {
  key: 'belang_logicas',
  type: 'matrix',
  text: t('Hoe belangrijk is elk doel van ervaringswerk in je organisatie?', 'How important is each purpose of experience work in your organisation?'),
  required: false,
  items: { framework: 'logics', version: 1, text: 'label' },
  points: importance,
  noOpinion: dontKnow,
};

const support = (p: Perspective): Question => ({
  key: 'omkadering',
  type: 'multiple',
  text: per(
    p,
    t('Welke ondersteuning krijg je als ervaringswerker?', 'What support do you get as an experience worker?'),
    t('Welke ondersteuning krijgen ervaringswerkers in je organisatie?', 'What support do experience workers get in your organisation?'),
  ),
  help: t('Kies alles wat past.', 'Choose everything that applies.'),
  required: true,
  options: { framework: 'support', version: 1, exclusive: ['geen_ondersteuning'] },
  other: somethingElse,
});
const supportEnough = (p: Perspective): Question => ({
  key: 'omkadering_voldoende',
  type: 'likert',
  text: per(
    p,
    t('Ik krijg genoeg ondersteuning om mijn werk goed te doen.', 'I get enough support to do my work well.'),
    t('Ervaringswerkers krijgen genoeg ondersteuning om hun werk goed te doen.', 'Experience workers get enough support to do their work well.'),
  ),
  required: false,
  showIf: { question: 'omkadering', answered: true },
  points: agree,
  noOpinion: dontKnow,
});

const discussions: Question = {
  key: 'centrale_discussies',
  type: 'matrix',
  text: t('Hoeveel aandacht krijgen deze vragen vandaag in je organisatie?', 'How much attention do these questions get in your organisation today?'),
  required: false,
  items: { framework: 'central_discussions', version: 1, text: 'definition' },
  points: attention,
  noOpinion: dontKnow,
};

const comments: Question = {
  key: 'opmerkingen',
  type: 'long_text',
  text: t('Wil je nog iets zeggen over ervaringswerk in je organisatie?', 'Is there anything else you want to say about experience work in your organisation?'),
  help: t(
    'Schrijf geen namen of andere dingen waaraan iemand herkend kan worden.',
    'Do not write names or anything else by which someone could be recognised.',
  ),
  required: false,
  maxLength: 5000,
};

const section = (key: string, title: LocalisedText, questions: Question[], intro?: LocalisedText): Section => ({
  key,
  title,
  ...(intro ? { intro } : {}),
  questions,
});

const sharedEnd = (p: Perspective): Section[] => [
  section('rollen', t('Rollen van ervaringswerkers', 'Roles of experience workers'), [roles]),
  section(
    'evenwaardige_positie',
    t('Een evenwaardige positie', 'An equal position'),
    [equalPosition],
    t(
      'Ervaringswerkers en professionals werken samen. Wat betekent een evenwaardige positie voor ervaringswerkers?',
      'Experience workers and professionals work together. What does an equal position mean for experience workers?',
    ),
  ),
  section(
    'logicas',
    t('Waarvoor zet je ervaringswerk in?', 'What is experience work for?'),
    [logics],
    t(
      'Ervaringswerk kan verschillende doelen hebben: mensen steunen, de hulp beter maken, of de samenleving veranderen.',
      'Experience work can have different purposes: supporting people, improving care, or changing society.',
    ),
  ),
  section('omkadering', t('Ondersteuning', 'Support'), [support(p), supportEnough(p)]),
  section(
    'centrale_discussies',
    t('Grote vragen', 'Big questions'),
    [discussions],
    t('Over deze drie vragen gaat het gesprek vaak.', 'These three questions often come up in the conversation.'),
  ),
  section('tot_slot', t('Tot slot', 'To finish'), [comments]),
];

const intro = (p: Perspective): LocalisedText =>
  per(
    p,
    t(
      'Deze vragenlijst gaat over ervaringswerk in je organisatie. We willen weten hoe ervaringswerkers en professionals samenwerken. Er zijn geen goede of foute antwoorden. Het invullen duurt ongeveer 15 minuten.',
      'This questionnaire is about experience work in your organisation. We want to know how experience workers and professionals work together. There are no right or wrong answers. It takes about 15 minutes.',
    ),
    t(
      'Deze vragenlijst gaat over ervaringswerk in je organisatie. We willen weten hoe professionals en ervaringswerkers samenwerken. Er zijn geen goede of foute antwoorden. Het invullen duurt ongeveer 15 minuten.',
      'This questionnaire is about experience work in your organisation. We want to know how professionals and experience workers work together. There are no right or wrong answers. It takes about 15 minutes.',
    ),
  );

export const cocreatieErvaringswerkers: InstrumentDefinition = {
  key: 'cocreatie-ervaringswerkers',
  title: t('Cocreatie in beeld: vragenlijst voor ervaringswerkers', 'Co-creation in view: questionnaire for experience workers'),
  intro: intro('ervaringswerkers'),
  sections: [
    section('organisatie', t('Over je organisatie', 'About your organisation'), [sector, sectorOther, organisationType]),
    section('jouw_werk', t('Over je werk als ervaringswerker', 'About your work as an experience worker'), [
      {
        key: 'statuut',
        type: 'multiple',
        text: t('Wat is je statuut als ervaringswerker?', 'What is your status as an experience worker?'),
        help: t(
          'Je kan er hoogstens twee kiezen. Bijvoorbeeld: vrijwilliger en betaalde werknemer.',
          'You can choose up to two. For example: volunteer and paid employee.',
        ),
        required: true,
        maxSelected: 2,
        options: { framework: 'status', version: 1 },
      },
      paid('ervaringswerkers'),
      paidHow('ervaringswerkers'),
      {
        key: 'opleiding',
        type: 'multiple',
        text: t('Welke opleiding heb je gevolgd?', 'Which training have you completed?'),
        help: t('Kies alles wat past.', 'Choose everything that applies.'),
        required: true,
        options: { framework: 'training', version: 1, exclusive: ['geen_opleiding'] },
      },
      {
        key: 'uren_per_week',
        type: 'number',
        text: t('Hoeveel uur per week werk je ongeveer als ervaringswerker?', 'About how many hours a week do you work as an experience worker?'),
        help: t(
          'Vul een geheel getal in. Werk je niet elke week? Geef dan een gemiddelde.',
          'Enter a whole number. If you do not work every week, give an average.',
        ),
        required: false,
        min: 0,
        max: 80,
        integer: true,
        unit: t('uur', 'hours'),
      },
    ]),
    ...sharedEnd('ervaringswerkers'),
  ],
};

export const cocreatieProfessionals: InstrumentDefinition = {
  key: 'cocreatie-professionals',
  title: t('Cocreatie in beeld: vragenlijst voor professionals', 'Co-creation in view: questionnaire for professionals'),
  intro: intro('professionals'),
  sections: [
    section('organisatie', t('Over je organisatie', 'About your organisation'), [sector, sectorOther, organisationType]),
    section('jouw_werk', t('Over je werk', 'About your work'), [
      {
        key: 'positie',
        type: 'single',
        text: t('Wat is je functie in het team?', 'What is your position in the team?'),
        required: true,
        options: { framework: 'team_positions', version: 1, include: ['practitioner', 'coordinator', 'policy_officer'] },
      },
      {
        key: 'samenwerking_ervaringswerkers',
        type: 'single',
        text: t('Werk je samen met ervaringswerkers?', 'Do you work with experience workers?'),
        required: true,
        options: [
          { key: 'in_team', label: t('Ja, in mijn eigen team', 'Yes, in my own team') },
          { key: 'in_organisatie', label: t('Ja, in mijn organisatie, maar niet in mijn team', 'Yes, in my organisation, but not in my team') },
          { key: 'nee', label: t('Nee', 'No') },
        ],
      },
      {
        key: 'statuut_ervaringswerkers',
        type: 'multiple',
        text: t('Wat is het statuut van de ervaringswerkers met wie je samenwerkt?', 'What is the status of the experience workers you work with?'),
        help: t('Kies alles wat past.', 'Choose everything that applies.'),
        required: false,
        showIf: { question: 'samenwerking_ervaringswerkers', anyOf: ['in_team', 'in_organisatie'] },
        options: { framework: 'status', version: 1 },
      },
      paid('professionals'),
      paidHow('professionals'),
    ]),
    ...sharedEnd('professionals'),
  ],
};

/** The keys both forms ask in the same way, for comparing the two perspectives. */
export const sharedQuestionKeys = [
  'sector',
  'sector_anders',
  'organisatietype',
  'betaald',
  'betaling_hoe',
  'rollen',
  'evenwaardige_positie',
  'belang_logicas',
  'omkadering',
  'omkadering_voldoende',
  'centrale_discussies',
  'opmerkingen',
] as const;

/** The built-in forms, as they are offered to copy into an organisation. */
export const builtinInstruments: readonly InstrumentDefinition[] = [cocreatieErvaringswerkers, cocreatieProfessionals];
