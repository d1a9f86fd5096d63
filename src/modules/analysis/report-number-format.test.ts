import { describe, expect, it } from 'vitest';
import { formatNumber } from './report-number-format.ts';

describe('formatNumber', () => {
  it('keeps languages and decimals apart when the formatters are kept for reuse', () => {
    const figures = [
      formatNumber(48.8, 1, 'nl'),
      formatNumber(48.8, 1, 'en'),
      formatNumber(48.8, 2, 'nl'),
      formatNumber(1234.5, 0, 'en'),
      formatNumber(0.25, 3, 'nl'),
      formatNumber(48.8, 1, 'nl'),
    ];
    expect(figures).toEqual(['48,8', '48.8', '48,80', '1,235', '0,250', '48,8']);
  });
});
