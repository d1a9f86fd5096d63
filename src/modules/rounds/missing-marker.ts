import { sql } from 'kysely';

/**
 * The missing marker, the one place it is written. For a multiple-choice question asked as yes/no
 * per option (a checkbox grid, an imported 0/1 column), a respondent who left one option blank has a
 * row `option = <key>`, `text_value = '_missing'` (see tables.ts). A marker is not a choice: it lowers
 * that option's own valid n. On the "something else" option (`_other`) the text is what was typed.
 */
export const MISSING_MARKER = '_missing';

const column = (alias: string, name: string) => sql.ref(`${alias}.${name}`);

/**
 * 1 for a missing marker row of the answers aliased `alias`, else 0. Literals, not parameters, so
 * PostgreSQL can group by it; the tallies and the counts from answer rows group by this same expression.
 */
export const markerOf = (alias: string) =>
  sql<number>`case when ${column(alias, 'text_value')} = ${sql.lit(MISSING_MARKER)} and ${column(alias, 'option')} is not null and ${column(alias, 'option')} <> ${sql.lit('_other')} then 1 else 0 end`;

/** An answer row (aliased `alias`) that is a choice of an option, not a "missing for this option" marker. */
export const chosenOptionOf = (alias: string) =>
  sql<boolean>`${column(alias, 'option')} is not null and (${column(alias, 'text_value')} is null or ${column(alias, 'text_value')} <> ${sql.lit(MISSING_MARKER)} or ${column(alias, 'option')} = ${sql.lit('_other')})`;
