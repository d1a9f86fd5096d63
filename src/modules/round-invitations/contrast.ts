/** WCAG 2 contrast between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** White text on the brand colour (buttons, the header bar) needs at least this (WCAG AA, normal text). */
export const AA_CONTRAST = 4.5;

export const keepsContrast = (colour: string): boolean => contrastRatio(colour, '#ffffff') >= AA_CONTRAST;

/** The same colour made darker, step by step, until white text on it keeps AA contrast. */
export function darkenToContrast(colour: string): string {
  let [r, g, b] = [0, 1, 2].map((i) => Number.parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16)) as [number, number, number];
  let result = colour.toLowerCase();
  while (!keepsContrast(result)) {
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.95)) as [number, number, number];
    result = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  }
  return result;
}
