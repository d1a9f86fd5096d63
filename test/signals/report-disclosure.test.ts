import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import type { Role } from '../../src/modules/organisations/model.ts';
import { signalReport } from '../../src/modules/signals/reporting.ts';
import { listSignals, raiseSignal } from '../../src/modules/signals/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';
import { addToTeam, makeOrganisation, makeTeam, makeUser } from '../helpers/factories.ts';

/**
 * The signal report hides small counts from who may not see them; the list of signals must not give
 * them back. The attacker: someone who sees the report, counting the list per theme and level.
 * Decided: whoever may open every signal the report counts gets the report's counts exactly (the list
 * already gives them); the report keeps small counts hidden only where the list does not.
 */

const actorOf = (userId: string, org: string, role: Role): Actor => ({ userId, language: 'nl', roles: new Map([[org, role]]) });
const input = (theme: string, level: 'organisation' | 'national') => ({
  title: 'Wachtlijst',
  observation: 'Mensen wachten lang.',
  barrierFor: 'Jongeren',
  logic: 'toegankelijke_hulpverlening',
  theme,
  level,
  teamId: null,
  storyIds: [],
  memberCheck: false,
  sourceCodeId: null,
});

describeEachDatabase('The signal list gives no small count the signal report hides', (dialect) => {
  let t: TestApp;
  let org: string;
  let viewers: { name: string; actor: Actor }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await makeOrganisation(t.ctx);
    await t.ctx.db.updateTable('organisations').set({ disclosure_threshold: 7 }).where('id', '=', org).execute();
    const raiser = actorOf((await makeUser(t.ctx, { organisationId: org })).id, org, 'member');
    for (let i = 0; i < 9; i++) await raiseSignal(t.ctx, raiser, org, input('stigma', 'organisation'));
    await raiseSignal(t.ctx, raiser, org, input('stigma', 'national'));
    await raiseSignal(t.ctx, raiser, org, input('armoede', 'organisation'));
    const coordinator = actorOf((await makeUser(t.ctx, { organisationId: org, role: 'coordinator' })).id, org, 'coordinator');
    const policyUser = await makeUser(t.ctx, { organisationId: org, role: 'member' });
    await addToTeam(t.ctx, await makeTeam(t.ctx, org), policyUser.id, 'policy_officer');
    viewers = [
      { name: 'coordinator', actor: coordinator },
      { name: 'policy officer', actor: actorOf(policyUser.id, org, 'member') },
    ];
  });
  afterAll(() => t.close());

  it('counting the list per theme and level finds no count the report hides', async () => {
    for (const { name, actor } of viewers) {
      const report = await signalReport(t.ctx, actor, org);
      const list = await listSignals(t.ctx, actor, org, {});
      const recovered: string[] = [];
      for (const [i, theme] of report.themes.entries())
        for (const [j, level] of report.levels.entries()) {
          const fromList = list.filter((s) => s.theme === theme.key && s.level === level && s.status !== 'member_check').length;
          const cell = report.cells[i]?.[j];
          if (cell?.count === null && fromList > 0) recovered.push(`${name}: ${theme.key} × ${level} = ${fromList}`);
        }
      expect(recovered).toEqual([]);
      // What they see is the truth: the counts agree with the list.
      expect(report.cells[0]?.[report.levels.indexOf('national')]?.count).toBe(1);
    }
  });
});
