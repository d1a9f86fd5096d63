/**
 * Text people wrote, made safe to put in a Markdown document: every character Markdown (or the HTML
 * it allows) would read as formatting, a tag or a link is escaped, so their words stay words and
 * never become markup that acts (a script, a tracking image, a `javascript:` link, a forged heading).
 */
export const mdEscape = (text: string): string => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
