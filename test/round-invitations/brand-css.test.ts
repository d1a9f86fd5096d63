import { describe, expect, it } from 'vitest';
import { brandCss } from '../../src/modules/round-invitations/brand-css.ts';

describe("the respondent form's per-organisation stylesheet", () => {
  it('is empty without a colour, or with something that is not a colour', () => {
    expect(brandCss(null)).toBe('');
    expect(brandCss('red; } body { display: none')).toBe('');
  });

  it('uses a colour with at least 4.5 : 1 against white for buttons, links and the name', () => {
    // #767676 on white: 4.54 : 1.
    const css = brandCss('#767676');
    expect(css).toContain('button {\n  border-color: #767676;\n  background: #767676;\n  color: #fff;\n}');
    expect(css).toContain('a,\n.brand,\n.org-name {\n  color: #767676;\n}');
    expect(css).toContain('accent-color: #767676;');
  });

  it('keeps the default colours for text and buttons when the colour has less than 4.5 : 1 against white', () => {
    // #777777 on white: 4.48 : 1; #f5c400 (yellow): 1.7 : 1.
    for (const colour of ['#777777', '#f5c400']) {
      const css = brandCss(colour);
      expect(css).not.toContain(`\n  color: ${colour}`);
      expect(css).not.toContain(`background: ${colour}`);
      // Decoration that carries no text may still take the colour.
      expect(css).toContain(`border-bottom-color: ${colour};`);
    }
  });
});
