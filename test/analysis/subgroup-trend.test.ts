import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { newcombeInterval, subgroupDifference } from '../../src/modules/analysis/core/difference.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/accounts.ts';
import { DEMO_ROUND_KEYS } from '../../src/modules/demo/rounds.ts';
import { Client, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDatabase } from '../helpers/databases.ts';

/**
 * A subgroup against the whole (difference in percentage points with Newcombe's 95% interval,
 * checked against literals and against R where it is installed) and a question over several rounds.
 */

const rscript = inject('rscriptPath');
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Newcombe's method 10 in R, from the Wilson intervals prop.test gives without continuity correction. */
async function newcombeInR(x1: number, n1: number, x2: number, n2: number): Promise<number[]> {
  const script = `w1 <- prop.test(${x1}, ${n1}, correct=FALSE)$conf.int; w2 <- prop.test(${x2}, ${n2}, correct=FALSE)$conf.int
p1 <- ${x1}/${n1}; p2 <- ${x2}/${n2}; d <- p1 - p2
cat(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2), sep="\\n")`;
  const { stdout } = await promisify(execFile)(rscript ?? 'Rscript', ['--vanilla', '-e', script]);
  return stdout.trim().split('\n').map(Number);
}

describe('the difference of two proportions and of a subgroup against its whole', () => {
  it('Newcombe’s own example: 56/70 against 48/80 gives 0.0524 to 0.3339', async () => {
    const interval = newcombeInterval({ count: 56, n: 70 }, { count: 48, n: 80 });
    expect([round(interval?.lower ?? 0, 4), round(interval?.upper ?? 0, 4)]).toEqual([0.0524, 0.3339]);
    if (rscript) expect((await newcombeInR(56, 70, 48, 80)).map((x) => round(x, 4))).toEqual([0.2, 0.0524, 0.3339]);
  });

  it('a subgroup of 40 out of 89: the difference with the whole is (1 − 40/89) times the difference with the rest', async () => {
    // GGZ: 14 of 40 paid; everyone: 27 of 89; the rest: 13 of 49.
    expect(subgroupDifference({ count: 14, n: 40 }, { count: 27, n: 89 })).toMatchObject({ difference: 4.7, lower: -5.7, upper: 14.9 });
    if (rscript) {
      const [d = 0, lower = 0, upper = 0] = await newcombeInR(14, 40, 13, 49);
      const scale = 100 * (1 - 40 / 89);
      expect([round(scale * d, 1), round(scale * lower, 1), round(scale * upper, 1)]).toEqual([4.7, -5.7, 14.9]);
    }
  });

  it('no comparison for an empty subgroup or one that is the whole', () => {
    expect(subgroupDifference({ count: 0, n: 0 }, { count: 5, n: 20 })).toBeNull();
    expect(subgroupDifference({ count: 5, n: 20 }, { count: 5, n: 20 })).toBeNull();
  });
});

type Subgroup = {
  subgroup: { n: number | null; refused: boolean };
  items: {
    code: string;
    subgroup: { count: number | null };
    whole: { count: number | null };
    difference: number | null;
    ci: [number, number] | null;
    suppressed: boolean;
  }[];
};
type Trend = {
  points: {
    round: { key: string };
    n: number | null;
    validN: number | null;
    tooFew: boolean;
    items: { code: string; count: number | null; percent: number | null }[];
  }[];
};

describeEachDatabase('subgroup and trend routes on the demo', (dialect) => {
  let t: TestApp;
  let org: string;
  let ew: string;
  let researcher: Client;
  let member: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, undefined, { demo: true });
    org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'De Brug GGZ (demo)').executeTakeFirstOrThrow()).id;
    const first = await t.ctx.db
      .selectFrom('rounds')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('key', '=', DEMO_ROUND_KEYS.experienceWorkers)
      .executeTakeFirstOrThrow();
    ew = first.id;
    // A later round of the same questionnaire, nobody has answered yet.
    await t.ctx.db
      .insertInto('rounds')
      .values({ ...first, id: newId(), key: 'demo-ervaringswerkers-2', name: 'Tweede ronde', closes_on: '2099-12-31' })
      .execute();
    researcher = new Client(t.app);
    await researcher.login('onderzoeker@demo.kruisbestuiving.org', DEMO_PASSWORD);
    member = new Client(t.app);
    await member.login('lid@demo.kruisbestuiving.org', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => t.close());

  const get = async <T>(client: Client, path: string) => {
    const response = await client.get(`/api/orgs/${org}/rounds/${ew}/${path}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  it('GGZ against everyone on “paid?”, for a researcher: difference and interval', async () => {
    const x = await get<Subgroup>(researcher, 'subgroup?question=betaald&filter=sector:ggz');
    expect(x.subgroup).toMatchObject({ n: 40, refused: false });
    expect(x.items.find((i) => i.code === 'ja')).toMatchObject({ subgroup: { count: 14 }, whole: { count: 27 }, difference: 4.7, ci: [-5.7, 14.9] });
  });

  it('for a member, a hidden count gives no difference; a too-small subgroup none at all', async () => {
    const youth = await get<Subgroup>(member, 'subgroup?question=betaald&filter=sector:jeugdhulp');
    expect(youth.items.map((i) => [i.code, i.subgroup.count, i.difference === null])).toEqual([
      ['ja', null, true],
      ['nee', null, true],
      ['soms', 10, false],
    ]);
    const other = await get<Subgroup>(member, 'subgroup?question=betaald&filter=sector:other');
    expect(other.subgroup.refused).toBe(true);
    expect(other.items.every((i) => i.difference === null && i.ci === null && i.subgroup.count === null)).toBe(true);
    const both = await member.get(`/api/orgs/${org}/rounds/${ew}/subgroup?question=betaald`);
    expect(both.statusCode).toBe(400);
  });

  it('a question over the rounds of the same questionnaire, oldest first, each with its own hiding', async () => {
    const full = await get<Trend>(researcher, 'trend?question=betaald');
    // The demo meeting's round (roles only, 40 who agreed) is a round of the same questionnaire.
    expect(full.points.map((p) => [p.round.key, p.n, p.validN])).toEqual([
      ['demo-ervaringswerkers', 89, 89],
      ['de-ontmoeting-demo', 40, 0],
      ['demo-ervaringswerkers-2', 0, 0],
    ]);
    expect(full.points[0]?.items.map((i) => i.count)).toEqual([27, 26, 36]);
    const hidden = await get<Trend>(member, 'trend?question=betaald');
    expect(hidden.points.map((p) => [p.round.key, p.n, p.tooFew])).toEqual([
      ['demo-ervaringswerkers', 89, false],
      ['de-ontmoeting-demo', 40, true],
      ['demo-ervaringswerkers-2', null, true],
    ]);
    expect(hidden.points[2]?.items.every((i) => i.count === null)).toBe(true);
  });
});
