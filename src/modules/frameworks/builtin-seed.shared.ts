import { builtin, code } from './builtin-define.shared.ts';

/**
 * The frameworks of the seed slide deck "Praktijkonderzoek naar de kruisbestuiving van kennis /
 * Cocreatie in beeld". The role labels are verbatim from its Tabel 4; the definitions follow the
 * deck where it gives one, otherwise the project glossary, in plain language.
 */

export const roles = builtin({
  key: 'roles',
  name: ['Rollen van ervaringswerkers', 'Roles of experience workers'],
  description: [
    'Welke rol ervaringswerkers opnemen of zouden moeten opnemen. Iemand kan meer dan één rol hebben.',
    'Which role experience workers take on or should take on. A person can have more than one role.',
  ],
  codes: [
    code(
      'kritische_stem',
      ['Kritische stem', 'Critical voice'],
      [
        'Vanuit ervaring vragen stellen bij gewoontes, aannames en macht in de hulp.',
        'Questioning habits, assumptions and power in care from lived experience.',
      ],
    ),
    code(
      'brugfiguur',
      ['Brugfiguur', 'Bridge figure'],
      ['De leefwereld van mensen verbinden met de wereld van de hulpverlening.', "Connecting people's lifeworld with the world of care and services."],
    ),
    code(
      'signaalfunctie',
      ['Signaalfunctie', 'Signalling function'],
      [
        'Signalen over uitsluiting en drempels opvangen en doorgeven aan het beleid.',
        'Picking up signals about exclusion and barriers and passing them on to policy.',
      ],
    ),
    code(
      'ondersteuning',
      ['Ondersteuning', 'Support'],
      ['Mensen of groepen rechtstreeks steunen, bijvoorbeeld in hun herstel.', 'Supporting people or groups directly, for example in their recovery.'],
    ),
    code(
      'leefwereld',
      ['Leefwereld', 'Lifeworld'],
      [
        'De dagelijkse realiteit en de kijk van mensen in een kwetsbare situatie binnenbrengen.',
        'Bringing in the everyday reality and the view of people in a vulnerable situation.',
      ],
    ),
    code(
      'toegankelijkheid',
      ['Toegankelijkheid', 'Accessibility'],
      ['Drempels naar hulp en diensten verlagen.', 'Lowering the barriers to help and services.'],
    ),
    code(
      'beleidsbeinvloeding',
      ['Beleidsbeïnvloeding', 'Policy influencing'],
      ['Het beleid van de organisatie of de overheid mee bepalen.', 'Helping to shape the policy of the organisation or the government.'],
    ),
    code(
      'beeldvorming_beinvloeden',
      ['Beeldvorming beïnvloeden', 'Influencing public image'],
      ['Veranderen hoe de samenleving en de media naar mensen en problemen kijken.', 'Changing how society and the media see people and problems.'],
    ),
    code(
      'geen_specifieke_rol',
      ['Geen specifieke rol', 'No specific role'],
      ['Geen van de rollen hierboven is van toepassing.', 'None of the roles above applies.'],
      true,
    ),
  ],
});

export const knowledgePositions = builtin({
  key: 'knowledge_positions',
  name: ['Drie posities van ervaringskennis', 'Three positions of experiential knowledge'],
  description: [
    'Drie invalshoeken van ervaringskennis: de aandoening, het levensverhaal en de samenleving.',
    'Three angles of experiential knowledge: the condition, the life story and society.',
  ],
  codes: [
    code(
      'aandoening',
      ["De 'aandoening'", 'The condition'],
      [
        'Kennis over het probleem zelf, zoals leven in armoede of met een verslaving, en of de hulp daarbij steunde.',
        'Knowledge of the problem itself, such as living in poverty or with an addiction, and whether help supported it.',
      ],
    ),
    code(
      'biografisch',
      ['Het biografische', 'The biographical'],
      [
        'Wat leven met de aandoening betekent in een heel levensverhaal: een mens is meer dan zijn problemen.',
        'What living with the condition means in a whole life story: a person is more than their problems.',
      ],
    ),
    code(
      'maatschappelijk',
      ['Het maatschappelijke', 'The societal'],
      [
        'Het verband tussen aandoening, levensverhaal en samenleving: in- en uitsluiting en (de)stigmatisering.',
        'The link between condition, life story and society: inclusion, exclusion and (de)stigmatisation.',
      ],
    ),
  ],
});

export const logics = builtin({
  key: 'logics',
  name: ["Drie logica's van ervaringsdeskundigheid", 'Three logics of experiential expertise'],
  description: ['Drie doelen waarvoor ervaringsdeskundigheid ingezet wordt.', 'Three purposes for which experiential expertise is used.'],
  codes: [
    code(
      'individuele_processen',
      ['Ondersteunen van individuele processen', 'Supporting individual processes'],
      [
        'Iemand steunen in het eigen herstel of de eigen groei, bijvoorbeeld door present te zijn in een inloophuis.',
        "Supporting a person's own recovery or growth, for example by being present in a drop-in centre.",
      ],
    ),
    code(
      'toegankelijke_hulpverlening',
      ['Toegankelijke en rechtvaardige hulp-, zorg- en dienstverlening', 'Accessible and just help, care and services'],
      [
        'Hulp die iedereen bereikt en mensen eerlijk behandelt, bijvoorbeeld door zelfhulpgroepen en hulpverlening te laten samenwerken.',
        'Help that reaches everyone and treats people fairly, for example by getting self-help groups and services to work together.',
      ],
    ),
    code(
      'burgerschap',
      ['Burgerschap en maatschappelijke verandering', 'Citizenship and social change'],
      [
        'Het burgerschap van mensen in een kwetsbare leefsituatie erkennen en waarmaken, en de samenleving veranderen.',
        'Recognising and realising the citizenship of people in a vulnerable situation, and changing society.',
      ],
    ),
  ],
});

export const experientialKnowledgeMarks = builtin({
  key: 'experiential_knowledge_marks',
  name: ['Kenmerken van ervaringskennis', 'Marks of experiential knowledge'],
  description: [
    'Ervaringskennis is kennis uit de eigen, belichaamde ervaringen en die van anderen met leven in een kwetsbare situatie. Deze vier kenmerken maken er kennis van.',
    "Experiential knowledge is knowledge from one's own embodied experiences and those of others of living in a vulnerable situation. These four marks make it knowledge.",
  ],
  codes: [
    code(
      'verbinding_andere_verhalen',
      ['De verbinding met andere verhalen', 'Connection with other stories'],
      ['De eigen ervaring linken aan de ervaringen van anderen.', "Linking one's own experience to the experiences of others."],
    ),
    code(
      'reflectie_andere_kaders',
      ['Analyse en reflectie in relatie tot andere kaders', 'Analysis and reflection against other frameworks'],
      [
        'De ervaring kritisch bekijken vanuit andere theorieën of invalshoeken.',
        'Looking critically at the experience through other theories or perspectives.',
      ],
    ),
    code(
      'begrijpen_contexten',
      ['Het begrijpen van de contexten', 'Understanding the contexts'],
      ['Zien in welke omstandigheden de ervaring ontstaat en zich toont.', 'Seeing the circumstances in which the experience arises and shows itself.'],
    ),
    code(
      'meer_dan_eigen_verhaal',
      ['Meer dan het eigen verhaal', "More than one's own story"],
      ['Ervaringskennis gaat verder dan een persoonlijk getuigenis.', 'Experiential knowledge goes beyond a personal testimony.'],
    ),
  ],
});

export const centralDiscussions = builtin({
  key: 'central_discussions',
  name: ['Centrale discussies', 'Central discussions'],
  description: ['De drie grote vragen om samen over in gesprek te gaan.', 'The three big questions to talk about together.'],
  codes: [
    code(
      'evenwaardig_inbedden',
      ['Evenwaardig inbedden', 'Embedding on an equal footing'],
      ['Hoe kunnen we diverse vormen van kennis evenwaardig inbedden?', 'How can we embed different forms of knowledge on an equal footing?'],
    ),
    code(
      'waarderen_en_erkennen',
      ['Waarderen en erkennen', 'Valuing and recognising'],
      [
        'Hoe waarderen en erkennen we diverse vormen van ervaringskennis en de situaties waar mensen in zitten?',
        'How do we value and recognise different forms of experiential knowledge and the situations people are in?',
      ],
    ),
    code(
      'deskundigheid_ontwikkelen',
      ['Deskundigheid ontwikkelen', 'Developing expertise'],
      [
        'Hoe ontwikkelen we deskundigheid om in het sociale domein rechtvaardig en verantwoord te handelen?',
        'How do we develop expertise to act justly and responsibly in the social domain?',
      ],
    ),
  ],
});
