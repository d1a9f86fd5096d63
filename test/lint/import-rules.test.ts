import { describe, expect, it } from 'vitest';
import { broken, brokenByTable, importsOf, tablesNamedIn } from '../../scripts/import-rules.js';

describe('the import rules that npm run lint checks', () => {
  it('tells type-only imports from value imports', () => {
    const code = [
      "import type { A } from './a.ts';",
      "import { type B } from './b.ts';",
      "import { type C, d } from './c.ts';",
      "import e from './e.ts';",
      "export type { F } from './f.ts';",
      "export * from './g.ts';",
      "import './h.ts';",
      "const i = await import('./i.ts');",
      "type J = typeof import('./j.ts');",
    ].join('\n');
    expect(importsOf('x.ts', code)).toEqual([
      { source: './a.ts', typeOnly: true },
      { source: './b.ts', typeOnly: true },
      { source: './c.ts', typeOnly: false },
      { source: './e.ts', typeOnly: false },
      { source: './f.ts', typeOnly: true },
      { source: './g.ts', typeOnly: false },
      { source: './h.ts', typeOnly: false },
      { source: './i.ts', typeOnly: false },
      { source: './j.ts', typeOnly: true },
    ]);
  });

  it('the web app imports server code only as types', () => {
    expect(broken('web/src/pages/X.tsx', 'src/modules/trajecten/service.ts', false)).toEqual(['web-imports-server-types-only']);
    expect(broken('web/src/pages/X.tsx', 'src/modules/trajecten/phases.shared.ts', false)).toEqual([]);
    expect(broken('web/src/pages/X.tsx', 'src/modules/trajecten/model.ts', true)).toEqual([]);
    expect(broken('web/src/pages/X.tsx', 'web/src/api.ts', false)).toEqual([]);
  });

  it('a shared file takes values only from shared files, so the web app never bundles server code', () => {
    expect(broken('src/modules/trajecten/phases.shared.ts', 'src/modules/frameworks/builtin.shared.ts', false)).toEqual([]);
    expect(broken('src/modules/trajecten/phases.shared.ts', 'src/modules/frameworks/model.ts', true)).toEqual([]);
    expect(broken('src/modules/trajecten/phases.shared.ts', 'src/modules/frameworks/service.ts', false)).toEqual(['shared-imports-shared-only']);
    expect(broken('src/modules/trajecten/phases.shared.ts', 'src/db/database.ts', false)).toEqual(['shared-imports-shared-only']);
  });

  it('routes → services → stores', () => {
    expect(broken('src/modules/coding/routes.ts', 'src/modules/coding/store.ts', false)).toEqual(['routes-call-services']);
    expect(broken('src/modules/stories/photovoice-routes.ts', 'src/modules/stories/photovoice-store.ts', true)).toEqual(['routes-call-services']);
    expect(broken('src/modules/coding/routes.ts', 'src/modules/coding/service.ts', false)).toEqual([]);
    expect(broken('src/modules/coding/service.ts', 'src/modules/coding/store.ts', false)).toEqual([]);
    expect(broken('src/modules/coding/store.ts', 'src/modules/coding/service.ts', false)).toEqual(['layers-point-down']);
    expect(broken('src/modules/coding/store.ts', 'src/http/route.ts', false)).toEqual(['layers-point-down']);
    expect(broken('src/modules/trajecten/charter-service.ts', 'src/modules/trajecten/charter-routes.ts', false)).toEqual(['layers-point-down']);
  });

  it("no module imports another module's store", () => {
    expect(broken('src/modules/exports/codebook.ts', 'src/modules/analysis/store.ts', false)).toEqual(['no-foreign-store']);
    expect(broken('src/modules/demo/rounds.ts', 'src/modules/rounds/tally-store.ts', true)).toEqual(['no-foreign-store']);
    expect(broken('src/modules/coding/routes.ts', 'src/modules/stories/store.ts', false)).toEqual(['routes-call-services', 'no-foreign-store']);
    expect(broken('src/modules/exports/service.ts', 'src/modules/analysis/service.ts', false)).toEqual([]);
    expect(broken('src/modules/analysis/service.ts', 'src/modules/rounds/answers-store.ts', false)).toEqual(['no-foreign-store']);
    expect(broken('src/modules/analysis/service.ts', 'src/modules/rounds/answers.ts', false)).toEqual([]);
  });

  it("no module queries the survey answers' tables but their owner, rounds", () => {
    const named = (code: string) => tablesNamedIn('x.ts', code);
    expect(named("db.selectFrom('answers as a');")).toEqual(['answers']);
    expect(named("db.selectFrom('stories').innerJoin('responses', 'responses.id', 's.id');")).toEqual(['responses']);
    expect(named("eb.selectFrom(['answer_value_tallies as t', 'teams']);")).toEqual(['answer_value_tallies']);
    expect(named("db.deleteFrom('export_orders'); db.insertInto('stories'); const label = 'answers';")).toEqual([]);
    expect(named('sql`insert into answer_choice_set_tallies (round_id) select r.round_id from "responses" r`;')).toEqual([
      'answer_choice_set_tallies',
      'responses',
    ]);
    expect(tablesNamedIn('x.ts', "db.selectFrom('meeting_answers'); sql`select * from rounds`;")).toEqual([]);
    expect(brokenByTable('src/modules/exports/store.ts', 'answers')).toEqual(['no-foreign-store']);
    expect(brokenByTable('src/modules/rounds/answers-store.ts', 'answers')).toEqual([]);
    expect(brokenByTable('src/db/migrations/2026_11_29_0006_answer_tallies.ts', 'answers')).toEqual([]);
    expect(brokenByTable('src/modules/exports/store.ts', 'export_orders')).toEqual([]);
  });

  it('src/core and src/db import no module; the analysis core stays pure', () => {
    expect(broken('src/core/ids.ts', 'src/modules/organisations/model.ts', true)).toEqual(['core-and-db-import-no-module']);
    expect(broken('src/db/migrations/2026_11_29_0006_answer_tallies.ts', 'src/modules/rounds/tallies.ts', false)).toEqual(['core-and-db-import-no-module']);
    expect(broken('src/db/migrate.ts', 'src/db/database.ts', false)).toEqual([]);
    expect(broken('src/modules/analysis/core/frequencies.ts', 'src/db/database.ts', false)).toEqual(['pure-analysis-core']);
    expect(broken('src/modules/analysis/core/frequencies.ts', 'src/modules/analysis/core/rounding.ts', false)).toEqual([]);
  });
});
