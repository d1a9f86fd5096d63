// Known breaks of the import rules (scripts/check-imports.js, run by `npm run lint`), measured on
// 2026-12-05. They are TEMPORARY exceptions: each is to be repaired by the consolidation of issue 13
// (answers get one owner, shared blocks move out of modules, one API contract), then removed here.
// Anything not listed fails the lint. A listed break that is repaired only prints a reminder.
// Format: [rule, importing file, imported file].
export const knownViolations = [
  // src/db/schema.ts composes the table types each module declares in its tables.ts (type-only).
  // To go when the tables move to src/db (issue 13.1/13.2).
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/coding/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/exports/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/limits/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/mail/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/meetings/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/uploads/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/rounds/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/round-invitations/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/signals/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/stories/tables.ts'],
  ['core-and-db-import-no-module', 'src/db/schema.ts', 'src/modules/trajecten/tables.ts'],

  // The web app takes these values (not only types) from server files: the instrument limits and the
  // trajecten phases, equal-position questions and intervision methods. One API contract (issue 13.3)
  // is to move them into files both sides may import, or serve them.
  ['web-imports-server-types-only', 'web/src/components/inbeeld/editor/model.ts', 'src/modules/instruments/constants.ts'],
  ['web-imports-server-types-only', 'web/src/components/trajecten/types.ts', 'src/modules/trajecten/equal-position.ts'],
  ['web-imports-server-types-only', 'web/src/components/trajecten/types.ts', 'src/modules/trajecten/intervision-methods.ts'],
  ['web-imports-server-types-only', 'web/src/components/trajecten/types.ts', 'src/modules/trajecten/phases.ts'],
];
