import { describe, expect, it } from 'vitest';
import { csvField, csvLine, neutralise } from './cells.ts';

const rfc = { separator: ',', decimalComma: false } as const;
const dutch = { separator: ';', decimalComma: true } as const;

describe('cells that leave the platform', () => {
  it('neutralises texts a spreadsheet would run as a formula', () => {
    for (const hostile of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(hostile)).toBe(`'${hostile}`);
    expect(neutralise('Gewoon een antwoord')).toBe('Gewoon een antwoord');
  });

  it('leaves numbers alone: a scale point of -2 stays a number', () => {
    expect(csvField(-2, rfc)).toBe('-2');
    expect(csvField(2.5, dutch)).toBe('2,5');
    expect(csvField(null, rfc)).toBe('');
  });

  it('quotes as RFC 4180 asks and ends records with CRLF', () => {
    expect(csvLine(['a,b', 'zei "ja"', 'twee\nregels', 'gewoon', 1], rfc)).toBe('"a,b","zei ""ja""","twee\nregels",gewoon,1\r\n');
    expect(csvLine(['a;b', 1.25], dutch)).toBe('"a;b";1,25\r\n');
    expect(csvField('=1+1', rfc)).toBe("'=1+1");
  });
});
