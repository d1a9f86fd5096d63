import { describe, expect, it } from 'vitest';
import { findIdentifyingDetails, highlightSegments } from './anonymity.ts';

const kinds = (text: string, memberNames: string[] = []) => findIdentifyingDetails(text, { memberNames }).map((f) => [f.kind, f.text]);

describe('findIdentifyingDetails', () => {
  it('finds e-mail addresses, phone numbers, dates, addresses and postcodes', () => {
    const text =
      'Mail me op jan.peeters@voorbeeld.be of bel 0470 12 34 56 of +32 9 123 45 67. Ik ben geboren op 12/03/1985 en woon in de Kerkstraat 12 in 9000 Gent. In Nederland: 1012 AB.';
    expect(kinds(text)).toEqual([
      ['email', 'jan.peeters@voorbeeld.be'],
      ['phone', '0470 12 34 56'],
      ['phone', '+32 9 123 45 67'],
      ['date', '12/03/1985'],
      ['address', 'Kerkstraat 12'],
      ['postcode', '9000'],
      ['place', 'Gent'],
      ['postcode', '1012 AB'],
    ]);
  });

  it('finds dates written out, Belgian national numbers and IBANs', () => {
    expect(kinds('geboren op 3 maart 1979, rijksregister 85.03.12-123.45, rekening BE68 5390 0754 7034')).toEqual([
      ['date', '3 maart 1979'],
      ['national_number', '85.03.12-123.45'],
      ['iban', 'BE68 5390 0754 7034'],
    ]);
  });

  it('finds Flemish and Dutch places, also at the start of a sentence and with several words', () => {
    expect(kinds('Antwerpen was zwaar. Daarna trok ik naar Sint-Niklaas en later naar Den Haag.')).toEqual([
      ['place', 'Antwerpen'],
      ['place', 'Sint-Niklaas'],
      ['place', 'Den Haag'],
    ]);
  });

  it('flags capitalised words inside a sentence as possible names, not the first word of a sentence', () => {
    expect(kinds('Mijn begeleider Kevin zei niets. Toen kwam Fatima binnen. Hij lachte. "Waarom?" vroeg ik.')).toEqual([
      ['name', 'Kevin'],
      ['name', 'Fatima'],
    ]);
  });

  it('does not flag ordinary capitalised words such as countries, feasts or God', () => {
    expect(kinds('Met Kerstmis dacht ik aan God en aan België.')).toEqual([]);
  });

  it("finds the organisation's members by full name or part of it, in any case, even at a sentence start", () => {
    expect(kinds('Sofie zei dat sofie Maes het wist. Dat vond Pieter ook.', ['Sofie Maes', 'Jo'])).toEqual([
      ['member_name', 'Sofie'],
      ['member_name', 'sofie Maes'],
      ['name', 'Pieter'],
    ]);
  });

  it('finds nothing in a text without identifying details', () => {
    expect(kinds('Ik wachtte drie uur in de wachtzaal. Niemand keek op. Dat doet iets met een mens.')).toEqual([]);
  });
});

describe('highlightSegments', () => {
  it('cuts the text into plain and flagged pieces that join back to the text', () => {
    const text = 'Bel Kevin op 0470 12 34 56 vandaag.';
    const segments = highlightSegments(text, findIdentifyingDetails(text));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => s.kind)).toEqual(['name', 'phone']);
  });
});
