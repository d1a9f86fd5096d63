import type { Language } from '../../core/language.ts';

const built = new Map<Language, ImportMessages>();

/** What a researcher reads about a file that cannot be imported as it is: plain words, what to do next. */
export function importMessages(lang: Language): ImportMessages {
  let messages = built.get(lang);
  if (!messages) {
    messages = buildMessages(lang);
    built.set(lang, messages);
  }
  return messages;
}

function buildMessages(lang: Language) {
  const nl = lang === 'nl';
  const count = (n: number) => new Intl.NumberFormat(nl ? 'nl-BE' : 'en-GB').format(n);
  const mb = (bytes: number) => count(Math.round(bytes / (1024 * 1024)));
  return {
    unterminatedQuote: nl
      ? 'Een aanhalingsteken (") wordt hier geopend maar nergens gesloten. Kijk deze cel na.'
      : 'A quotation mark (") opens here but is never closed. Check this cell.',
    emptyFile: nl ? 'Het bestand is leeg: er staat geen kopregel in.' : 'The file is empty: there is no header row.',
    noRows: nl ? 'Het bestand heeft een kopregel, maar geen rijen met antwoorden.' : 'The file has a header row but no rows with answers.',
    tooLarge: (max: number) => (nl ? `Het bestand is groter dan ${mb(max)} MB. Splits het op.` : `The file is larger than ${mb(max)} MB. Split it up.`),
    tooManyRows: (max: number) =>
      nl ? `Het bestand heeft meer dan ${count(max)} rijen. Splits het op.` : `The file has more than ${count(max)} rows. Split it up.`,
    tooManyColumns: (max: number) => (nl ? `Het bestand heeft meer dan ${count(max)} kolommen.` : `The file has more than ${count(max)} columns.`),
    cellTooLong: (max: number) => (nl ? `Deze cel is langer dan ${count(max)} tekens.` : `This cell is longer than ${count(max)} characters.`),
    notXlsx: nl
      ? 'Dit is geen Excel-bestand (.xlsx) dat we kunnen lezen. Bewaar het in Excel opnieuw als .xlsx, of als CSV.'
      : 'This is not an Excel file (.xlsx) we can read. Save it again in Excel as .xlsx, or as CSV.',
    oldExcel: nl
      ? 'Oude Excel-bestanden (.xls) kunnen we niet lezen. Bewaar het bestand in Excel als .xlsx of als CSV.'
      : 'We cannot read old Excel files (.xls). Save the file in Excel as .xlsx or as CSV.',
    noSheet: (name: string) => (nl ? `Er is geen werkblad met de naam ‘${name}’.` : `There is no worksheet called ‘${name}’.`),
    noSheets: nl ? 'Het Excel-bestand heeft geen werkblad.' : 'The Excel file has no worksheet.',
    extraCells: nl
      ? 'Deze rij heeft meer cellen dan er kolommen zijn. Staat er een scheidingsteken in een waarde zonder aanhalingstekens?'
      : 'This row has more cells than there are columns. Is there a separator inside a value without quotation marks?',
    duplicateHeader: nl
      ? 'Twee kolommen hebben deze naam. Geef elke kolom een eigen naam.'
      : 'Two columns have this name. Give every column a name of its own.',
    columnMissing: nl ? 'Deze kolom staat niet in het bestand.' : 'This column is not in the file.',
    unknownTarget: (target: string) =>
      nl
        ? `‘${target}’ is geen vraag, uitspraak of antwoord in deze vragenlijst.`
        : `‘${target}’ is not a question, statement or answer in this questionnaire.`,
    matrixNeedsItem: nl
      ? 'Deze vraag heeft uitspraken: koppel elke uitspraak aan een eigen kolom (vraag.uitspraak).'
      : 'This question has statements: link each statement to a column of its own (question.statement).',
    targetTwice: (target: string) => (nl ? `Een andere kolom is al gekoppeld aan ‘${target}’.` : `Another column is already linked to ‘${target}’.`),
    requiredUnmapped: (question: string) =>
      nl
        ? `De vraag ‘${question}’ is verplicht, maar geen kolom is eraan gekoppeld.`
        : `The question ‘${question}’ is required, but no column is linked to it.`,
    requiredUnmappedRows: (question: string, rows: number) =>
      nl
        ? `De vraag ‘${question}’ is verplicht in ${count(rows)} ${rows === 1 ? 'rij' : 'rijen'} (door een eerder antwoord), maar geen kolom is eraan gekoppeld. Dit is de eerste.`
        : `The question ‘${question}’ is required in ${count(rows)} ${rows === 1 ? 'row' : 'rows'} (because of an earlier answer), but no column is linked to it. This is the first.`,
    unknownValue: (value: string) =>
      nl
        ? `‘${value}’ is geen antwoord bij deze vraag. Gebruik de code of de tekst van een antwoord.`
        : `‘${value}’ is not an answer to this question. Use the code or the text of an answer.`,
    indicatorValue: (value: string) =>
      nl
        ? `‘${value}’ kunnen we niet lezen. Gebruik 1 (gekozen) of 0 (niet gekozen), of laat de cel leeg.`
        : `We cannot read ‘${value}’. Use 1 (chosen) or 0 (not chosen), or leave the cell empty.`,
    unknownLanguage: (value: string) =>
      nl ? `‘${value}’ is geen taal die we kennen. Gebruik nl of en.` : `‘${value}’ is not a language we know. Use nl or en.`,
    badDate: (value: string) =>
      nl
        ? `‘${value}’ is geen datum die we kunnen lezen. Gebruik bijvoorbeeld 2024-03-31 of 31-03-2024.`
        : `We cannot read ‘${value}’ as a date. Use for example 2024-03-31 or 31-03-2024.`,
    futureDate: nl ? 'Deze datum ligt in de toekomst.' : 'This date is in the future.',
    startedAfterSubmitted: nl ? 'De begindatum ligt na de datum van indienen.' : 'The start date is after the date the answers were handed in.',
    unknownTeam: (value: string) => (nl ? `Deze ronde heeft geen link voor het team ‘${value}’.` : `This round has no link for the team ‘${value}’.`),
    noOrganisationLink: nl
      ? 'Deze ronde heeft geen link voor de hele organisatie. Kies een team, of koppel een kolom met het team.'
      : 'This round has no link for the whole organisation. Choose a team, or link a column with the team.',
    unknownTeamId: nl ? 'Deze ronde heeft geen link voor dit team.' : 'This round has no link for this team.',
  };
}

export type ImportMessages = ReturnType<typeof buildMessages>;
