import { AA_CONTRAST, contrastRatio } from './contrast.ts';

/** The respondent form's page background, against which links and outlined buttons in the accent are read. */
const PAGE_BACKGROUND = '#ffffff';
const colourPattern = /^#[0-9a-f]{6}$/;

/**
 * The per-organisation stylesheet of the respondent form (an external file: the page's CSP allows no
 * inline style). Each use of the colour is checked on its own: white text on filled buttons, and the
 * colour as text on the white page (links, outlined buttons, the name). A use that would fall below
 * AA (4.5 : 1) keeps the default colour. The focus outline is left alone, so it stays visible.
 */
export function brandCss(colour: string | null): string {
  const c = colour?.toLowerCase();
  if (!c || !colourPattern.test(c)) return '';
  const rules = [`.top {\n  border-bottom-color: ${c};\n}`, `progress,\n.choice input {\n  accent-color: ${c};\n}`];
  if (contrastRatio('#ffffff', c) >= AA_CONTRAST) rules.push(`button {\n  border-color: ${c};\n  background: ${c};\n  color: #fff;\n}`);
  if (contrastRatio(c, PAGE_BACKGROUND) >= AA_CONTRAST)
    rules.push(
      `a,\n.brand,\n.org-name {\n  color: ${c};\n}`,
      `button.secondary,\nbutton.speak {\n  border-color: ${c};\n  background: #fff;\n  color: ${c};\n}`,
    );
  return `${rules.join('\n')}\n`;
}
