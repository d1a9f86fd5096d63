import { builtin, code, type Pair } from './builtin-define.shared.ts';
import { logics } from './builtin-seed.shared.ts';

/**
 * The rest of the seed deck "Praktijkonderzoek naar de kruisbestuiving van kennis / Cocreatie in
 * beeld" as glossary frameworks: its central concepts, the historical roots it names, the media
 * slide and the training observation. Definitions follow the deck's words in plain language; each
 * framework says which slide (or decree) it comes from.
 */

const deck = (slideNl: string, slideEn: string): Pair => [
  `Praktijkonderzoek naar de kruisbestuiving van kennis – Cocreatie in beeld (HOGENT), dia "${slideNl}".`,
  `Practice research on the cross-pollination of knowledge – Cocreatie in beeld (HOGENT), slide "${slideEn}".`,
];

export const centralConcepts = builtin({
  key: 'central_concepts',
  name: ['Centrale begrippen', 'Core concepts'],
  description: [
    'De woorden waar het onderzoek mee begint: ervaringskennis, ervaringsdeskundigheid en ervaringswerk, en hoe ze verschillen.',
    'The words the research starts from: experiential knowledge, experiential expertise and experience work, and how they differ.',
  ],
  codes: [
    code(
      'ervaringskennis',
      ['Ervaringskennis', 'Experiential knowledge'],
      [
        'Kennis die je ontwikkelt uit je eigen belichaamde ervaringen en die van anderen met leven in een maatschappelijk kwetsbare leefsituatie.',
        'Knowledge you develop from your own embodied experiences, and those of others, of living in a socially vulnerable situation.',
      ],
    ),
    code(
      'ervaringsdeskundigheid',
      ['Ervaringsdeskundigheid', 'Experiential expertise'],
      ['Collectieve ervaringskennis deskundig inzetten in het sociale domein.', 'Using collective experiential knowledge with expertise in the social domain.'],
    ),
    code(
      'ervaringswerk',
      ['Ervaringswerk', 'Experience work'],
      [
        'Samen aan de slag gaan met ervaringskennis. Het is een samenwerking en een gedeelde verantwoordelijkheid, mee gestuurd door ervaringen en ervaringskennis, met erkenning van de kruisbestuiving van kennis en met een duidelijk doel.',
        'Working together with experiential knowledge. It is a partnership and a shared responsibility, partly steered by experiences and experiential knowledge, recognising the cross-pollination of knowledge and with a clear purpose.',
      ],
    ),
    code(
      'verschil_deskundigheid_werk',
      ['Het verschil tussen ervaringsdeskundigheid en ervaringswerk', 'The difference between experiential expertise and experience work'],
      [
        'Ervaringsdeskundigheid is wat één persoon deskundig inzet. Ervaringswerk is wat een team of organisatie samen doet met ervaringskennis: het is de verantwoordelijkheid van iedereen, niet alleen van de ervaringsdeskundige.',
        'Experiential expertise is what one person uses with expertise. Experience work is what a team or organisation does together with experiential knowledge: it is everyone’s responsibility, not only the experience expert’s.',
      ],
    ),
    code(
      'kwestie_van_competenties',
      ['Ervaringsdeskundigheid als een kwestie van competenties', 'Experiential expertise as a matter of competences'],
      [
        'De vraag welke vaardigheden en competenties nodig zijn om in het sociale domein te werken én collectieve ervaringskennis duurzaam in te zetten.',
        'The question of which skills and competences are needed to work in the social domain and to use collective experiential knowledge in a lasting way.',
      ],
    ),
    code(
      'een_manier_onder_meerdere',
      ['Ervaringsdeskundigheid als één manier onder meerdere', 'Experiential expertise as one way among several'],
      [
        'Ervaringsdeskundigheid is één manier om met ervaringskennis aan de slag te gaan. Lotgenotencontact, zelfhulpgroepen en cliëntorganisaties zijn andere manieren.',
        'Experiential expertise is one way to work with experiential knowledge. Peer contact, self-help groups and client organisations are other ways.',
      ],
    ),
    code(
      'opleidingen_houden_apart',
      ['Opleidingen houden de twee soorten kennis apart', 'Training keeps the two kinds of knowledge apart'],
      [
        'Opleidingen ervaringswerk en professionele opleidingen staan los van elkaar. Zo blijft het onderscheid tussen ervaringskennis en professionele kennis bestaan.',
        'Experience-work training and professional training stand apart. That keeps experiential knowledge and professional knowledge separate.',
      ],
    ),
  ],
  version: 1,
  sources: [
    deck('Definiëring centrale begrippen', 'Defining the central concepts'),
    deck('Concreet', 'In practice'),
    deck('Ervaringswerk = ?', 'Experience work = ?'),
  ],
});

export const historicalRoots = builtin({
  key: 'historical_roots',
  name: ['Historische voedingsbodem', 'Historical roots'],
  description: [
    'Bewegingen waaruit ervaringsdeskundigheid gegroeid is, met het decennium dat het onderzoek noemt. Ze tonen waarom ervaringskennis belangrijk was en is.',
    'Movements from which experiential expertise grew, with the decade the research names. They show why experiential knowledge mattered and matters.',
  ],
  codes: [
    code(
      'anonieme_alcoholisten',
      ['De Anonieme Alcoholisten (jaren 1930)', 'Alcoholics Anonymous (1930s)'],
      [
        'Zelfhulpgroepen waarin mensen met een verslaving elkaar als lotgenoten steunen. Hier telde de eigen ervaring als kennis.',
        'Self-help groups in which people with an addiction support each other as peers. Here, one’s own experience counted as knowledge.',
      ],
    ),
    code(
      'burgerrechtenbeweging',
      ['De burgerrechtenbeweging (jaren 1960)', 'The civil rights movement (1960s)'],
      [
        'Een beweging voor gelijke rechten, waarin wie uitgesloten wordt zelf het woord neemt.',
        'A movement for equal rights, in which people who are excluded speak for themselves.',
      ],
    ),
    code(
      'antipsychiatrie',
      ['De antipsychiatriebeweging (jaren 1960 en 1970)', 'The anti-psychiatry movement (1960s and 1970s)'],
      [
        'Kritiek op de gangbare psychiatrie en op de macht over mensen met psychische problemen.',
        'Criticism of mainstream psychiatry and of the power held over people with mental health problems.',
      ],
    ),
    code(
      'therapeutische_gemeenschappen',
      ['Therapeutische gemeenschappen (jaren 1950)', 'Therapeutic communities (1950s)'],
      [
        'Gemeenschappen waar bewoners elkaar helpen herstellen en samen verantwoordelijkheid dragen.',
        'Communities where residents help each other recover and share responsibility.',
      ],
    ),
    code(
      'client_patientenbewegingen',
      ['Cliënt- en patiëntenbewegingen (jaren 1970)', 'Client and patient movements (1970s)'],
      [
        'Mensen die hulp of zorg krijgen, komen zelf op voor hun belangen en laten hun stem horen.',
        'People who receive help or care stand up for their own interests and make their voice heard.',
      ],
    ),
    code(
      'verenigingen_armen_woord',
      ['Verenigingen waar armen het woord nemen (jaren 1970)', 'Associations where people in poverty speak up (1970s)'],
      [
        'Groepen waarin mensen in armoede samenkomen, het woord nemen en werken aan hun emancipatie en aan de structuren van de samenleving. In Vlaanderen erkend door het Armoededecreet van 21 maart 2003.',
        'Groups in which people in poverty come together, speak up and work on their emancipation and on the structures of society. Recognised in Flanders by the poverty decree of 21 March 2003.',
      ],
    ),
    code(
      'herstelbeweging',
      ['De herstelbeweging (jaren 1970)', 'The recovery movement (1970s)'],
      [
        'Een beweging die persoonlijk herstel, hoop en zelf richting geven centraal zet: een zinvol leven, met of zonder klachten.',
        'A movement that puts personal recovery, hope and self-direction first: a meaningful life, with or without symptoms.',
      ],
    ),
  ],
  version: 1,
  sources: [
    deck('Historische voedingsbodem', 'Historical roots'),
    [
      'Decreet betreffende de armoedebestrijding, Vlaamse overheid, 21 maart 2003 (verenigingen waar armen het woord nemen).',
      'Flemish decree on poverty reduction, 21 March 2003 (associations where people in poverty speak up).',
    ],
  ],
});

export const mediaOpportunities = builtin({
  key: 'media_opportunities',
  name: ['Beeldvorming in de media: kansen', 'Shaping the image in the media: opportunities'],
  description: [
    'Wat het kan opleveren als ervaringsdeskundigen in de media vertellen. De risico’s staan ernaast, in de vragen over media.',
    'What it can bring when experience experts speak in the media. The risks stand beside them, in the media questions.',
  ],
  codes: [
    code(
      'kwetsbaarheid_bespreekbaar',
      ['Kwetsbaarheid bespreekbaar maken', 'Making vulnerability discussable'],
      [
        'Praten over kwetsbaarheid, verslaving en andere moeilijke dingen mogelijk maken.',
        'Making it possible to talk about vulnerability, addiction and other hard things.',
      ],
    ),
    code(
      'perspectief_bieden',
      ['Perspectief bieden', 'Offering perspective'],
      ['Laten zien dat verandering en herstel mogelijk zijn.', 'Showing that change and recovery are possible.'],
    ),
    code(
      'uitsluiting_concreet',
      ['Uitsluiting concreet tonen', 'Showing exclusion concretely'],
      ['In beeld brengen hoe sociale uitsluiting en stigma er in het echt uitzien.', 'Showing how social exclusion and stigma look in real life.'],
    ),
    code(
      'stigma_gedeelde_verantwoordelijkheid',
      ['Stigma is een gedeelde verantwoordelijkheid', 'Stigma is a shared responsibility'],
      [
        'Werken aan stigma is de taak van iedereen, niet alleen van wie het eigen verhaal vertelt.',
        'Working on stigma is everyone’s task, not only the task of the person who tells their story.',
      ],
    ),
  ],
  version: 1,
  sources: [deck('Ervaringsdeskundigen als beeldvormer in "de media"', 'Experience experts shaping the image in "the media"')],
});

export const mediaRisks = builtin({
  key: 'media_risks',
  name: ['Beeldvorming in de media: risico’s', 'Shaping the image in the media: risks'],
  description: [
    'Waar je op let voor een verhaal publiek gaat. Dit zijn de vragen over media die je aanvinkt bij het delen.',
    'What to watch for before a story goes public. These are the media questions you tick when sharing.',
  ],
  codes: [
    code(
      'polarisation',
      ['Opletten voor polarisatie', 'Watch for polarisation'],
      ['Kan het verhaal groepen tegenover elkaar zetten?', 'Could the story set groups against each other?'],
    ),
    code(
      'later_life',
      ['Gevolgen voor later', 'Consequences for later life'],
      ['Wat betekent het voor jou later dat dit verhaal publiek is?', 'What does it mean for you later that this story is public?'],
    ),
    code(
      'individualising',
      ['Groot risico op individualiseren', 'High risk of individualising'],
      ['Wordt een probleem van de samenleving een probleem van één persoon?', 'Does a problem of society become the problem of one person?'],
    ),
    code(
      'peer_contact',
      ['De waarde van lotgenotencontact', 'The value of peer contact'],
      [
        'Verlies de waarde van lotgenotencontact, zelfhulpgroepen en cliëntorganisaties niet uit het oog.',
        'Do not lose sight of the value of peer contact, self-help groups and client organisations.',
      ],
    ),
  ],
  version: 1,
  sources: [deck('Ervaringsdeskundigen als beeldvormer in "de media"', 'Experience experts shaping the image in "the media"')],
});

/** Version 2 of the three logics: the citizenship logic names the deck's example, "De grote stap" (not described further in any source). */
export const logicsWithExample = builtin({
  key: logics.key,
  name: [logics.name.nl, logics.name.en],
  description: [logics.description.nl, logics.description.en],
  codes: logics.codes.map((c) =>
    c.key === 'burgerschap'
      ? {
          ...c,
          definition: {
            nl: `${c.definition.nl} Het onderzoek geeft als voorbeeld "De grote stap".`,
            en: `${c.definition.en} The research gives "De grote stap" as its example.`,
          },
        }
      : c,
  ),
  version: 2,
  sources: [deck('Drie logica’s', 'Three logics')],
});
