import type { Language } from '../../core/language.ts';

/** What a respondent reads next to a question: short sentences, everyday words (B1). */
export function answerMessages(lang: Language) {
  const nl = lang === 'nl';
  const num = (n: number) => new Intl.NumberFormat(nl ? 'nl-BE' : 'en-GB', { maximumFractionDigits: 6, useGrouping: false }).format(n);
  return {
    badShape: nl ? 'Dit antwoord heeft niet de juiste vorm.' : 'This answer is not in the right form.',
    notAnObject: nl ? 'De antwoorden hebben niet de juiste vorm.' : 'The answers are not in the right form.',
    unknownQuestion: nl ? 'Deze vraag bestaat niet in deze vragenlijst.' : 'This question does not exist in this questionnaire.',
    unknownItem: nl ? 'Deze uitspraak bestaat niet bij deze vraag.' : 'This statement does not exist in this question.',
    unknownOption: nl ? 'Dit antwoord bestaat niet bij deze vraag.' : 'This answer does not exist for this question.',
    chooseOne: nl ? 'Kies één antwoord.' : 'Choose one answer.',
    chooseAnswer: nl ? 'Kies een antwoord.' : 'Choose an answer.',
    chooseAtLeastOne: nl ? 'Kies minstens één antwoord.' : 'Choose at least one answer.',
    chooseAtMost: (n: number) =>
      nl
        ? n === 1
          ? 'Kies hoogstens één antwoord.'
          : `Kies hoogstens ${n} antwoorden.`
        : n === 1
          ? 'Choose at most one answer.'
          : `Choose at most ${n} answers.`,
    exclusive: (label: string) => (nl ? `‘${label}’ kan je niet combineren met andere antwoorden.` : `‘${label}’ cannot be combined with other answers.`),
    chooseOnScale: nl ? 'Kies een van de mogelijke antwoorden.' : 'Choose one of the possible answers.',
    chooseForStatement: nl ? 'Kies een antwoord bij deze uitspraak.' : 'Choose an answer for this statement.',
    numberBetween: (min: number, max: number) =>
      nl ? `Vul een getal in tussen ${num(min)} en ${num(max)}.` : `Enter a number between ${num(min)} and ${num(max)}.`,
    wholeNumber: nl ? 'Vul een geheel getal in, zonder komma.' : 'Enter a whole number, without decimals.',
    fillIn: nl ? 'Vul dit veld in.' : 'Please fill in this field.',
    tooLong: (max: number, length: number) =>
      nl ? `Gebruik hoogstens ${max} tekens. Nu zijn het er ${length}.` : `Use at most ${max} characters. There are ${length} now.`,
    otherMissing: (label: string) => (nl ? `Vul in wat je bedoelt met ‘${label}’.` : `Fill in what you mean by ‘${label}’.`),
    otherNotChosen: (label: string) =>
      nl
        ? `Je vulde iets in bij ‘${label}’, maar koos dat antwoord niet. Kies het, of maak het vakje leeg.`
        : `You filled in something for ‘${label}’ but did not choose that answer. Choose it, or clear the box.`,
    notApplicable: nl
      ? 'Door een eerder antwoord hoef je deze vraag niet te beantwoorden. Maak ze leeg.'
      : 'Because of an earlier answer, you do not need to answer this question. Please clear it.',
  };
}

export type AnswerMessages = ReturnType<typeof answerMessages>;
