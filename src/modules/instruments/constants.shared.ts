/** Shared by the definition schema and its checks; kept apart so neither imports the other at run time. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Option values the format reserves; they start with `_`, which no key can, so they never collide. */
export const OTHER = '_other';
export const NO_OPINION = '_no_opinion';

export const limits = {
  key: 64,
  title: 200,
  text: 1000,
  help: 2000,
  intro: 5000,
  label: 300,
  itemText: 500,
  shortText: 500,
  longText: 5000,
  otherText: 500,
  sections: 50,
  questions: 300,
  options: 100,
  items: 50,
  minPoints: 2,
  maxPoints: 11,
  conditionDepth: 5,
  conditionParts: 20,
} as const;
